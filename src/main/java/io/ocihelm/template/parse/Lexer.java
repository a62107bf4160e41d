package io.ocihelm.template.parse;

import io.ocihelm.template.fmt.GoStrconv;

import io.ocihelm.template.parse.Token.Type;
import java.util.Map;

/**
 * Go text/template's lexer: a state machine whose states are functions returning the next state
 * ({@code lex.go}). It produces one {@link Token} per {@link #nextItem()} call; an error becomes an
 * {@link Type#ERROR} token and ends the stream. Trim markers ({@code {{- } / {@code -}}}) remove the
 * adjacent white space here, so the parser never sees it.
 */
public final class Lexer {
  private static final String LEFT_DELIM = "{{";
  private static final String RIGHT_DELIM = "}}";
  private static final String LEFT_COMMENT = "/*";
  private static final String RIGHT_COMMENT = "*/";
  /** Trim marker plus the space before or after it. */
  private static final int TRIM_MARKER_LEN = 2;
  private static final int EOF = -1;

  private static final Map<String, Type> KEYWORDS = Map.ofEntries(
      Map.entry(".", Type.DOT), Map.entry("block", Type.BLOCK), Map.entry("break", Type.BREAK),
      Map.entry("continue", Type.CONTINUE), Map.entry("define", Type.DEFINE),
      Map.entry("else", Type.ELSE), Map.entry("end", Type.END), Map.entry("if", Type.IF),
      Map.entry("range", Type.RANGE), Map.entry("nil", Type.NIL), Map.entry("template", Type.TEMPLATE),
      Map.entry("with", Type.WITH));

  @FunctionalInterface
  private interface State {
    State run();
  }

  private final String input;
  private int pos;
  private int start;
  private int line = 1;
  private int startLine = 1;
  private int parenDepth;
  private boolean insideAction;
  private Token item;
  private boolean atEof;
  /** break/continue are keywords only inside range; the parser tells us. */
  boolean breakOk;
  boolean continueOk;

  public Lexer(String input) {
    this.input = input;
  }

  /** The next token; after EOF or an error it keeps returning EOF. */
  public Token nextItem() {
    item = new Token(Type.EOF, pos, "EOF", startLine);
    if (atEof) {
      return item;
    }
    State state = insideAction ? this::lexInsideAction : this::lexText;
    while (true) {
      state = state.run();
      if (state == null) {
        if (item.type() == Type.EOF || item.type() == Type.ERROR) {
          atEof = true;
        }
        return item;
      }
    }
  }

  private int next() {
    if (pos >= input.length()) {
      return EOF;
    }
    char c = input.charAt(pos++);
    if (c == '\n') {
      line++;
    }
    return c;
  }

  private int peek() {
    return pos >= input.length() ? EOF : input.charAt(pos);
  }

  /** Steps back one char; only valid once per next(). */
  private void backup() {
    if (pos > 0) {
      pos--;
      if (input.charAt(pos) == '\n') {
        line--;
      }
    }
  }

  private Token thisItem(Type t) {
    Token i = new Token(t, start, input.substring(start, pos), startLine);
    start = pos;
    startLine = line;
    return i;
  }

  private State emit(Type t) {
    return emitItem(thisItem(t));
  }

  private State emitItem(Token i) {
    item = i;
    return null;
  }

  // ignore skips over the pending input before this point (lines were counted while advancing).
  private void ignore() {
    start = pos;
    startLine = line;
  }

  /** Skips to {@code newPos} without next(), keeping the line count right. */
  private void skipTo(int newPos) {
    for (int i = pos; i < newPos; i++) {
      if (input.charAt(i) == '\n') {
        line++;
      }
    }
    pos = newPos;
  }

  private boolean accept(String valid) {
    int r = next();
    if (r != EOF && valid.indexOf(r) >= 0) {
      return true;
    }
    if (r != EOF) {
      backup();
    }
    return false;
  }

  private void acceptRun(String valid) {
    int r;
    while ((r = next()) != EOF && valid.indexOf(r) >= 0) {
      // absorb
    }
    if (r != EOF) {
      backup();
    }
  }

  private State errorf(String message) {
    item = new Token(Type.ERROR, start, message, startLine);
    atEof = true;
    return null;
  }

  private static boolean isSpace(int r) {
    return r == ' ' || r == '\t' || r == '\r' || r == '\n';
  }

  private static boolean isAlphaNumeric(int r) {
    return r == '_' || (r != EOF && (Character.isLetter(r) || Character.isDigit(r)));
  }

  private boolean hasLeftTrimMarker(int at) {
    return at + 1 < input.length() && input.charAt(at) == '-' && isSpace(input.charAt(at + 1));
  }

  private boolean hasRightTrimMarker(int at) {
    return at + 1 < input.length() && isSpace(input.charAt(at)) && input.charAt(at + 1) == '-';
  }

  private static final String SPACE_CHARS = " \t\r\n";

  private int rightTrimLength(int from, int to) {
    int i = to;
    while (i > from && SPACE_CHARS.indexOf(input.charAt(i - 1)) >= 0) {
      i--;
    }
    return to - i;
  }

  private int leftTrimLength(int from) {
    int i = from;
    while (i < input.length() && SPACE_CHARS.indexOf(input.charAt(i)) >= 0) {
      i++;
    }
    return i - from;
  }

  // lexText scans until an opening action delimiter, "{{".
  private State lexText() {
    int x = input.indexOf(LEFT_DELIM, pos);
    if (x >= 0) {
      if (x > pos) {
        int delimEnd = x + LEFT_DELIM.length();
        int trimLength = hasLeftTrimMarker(delimEnd) ? rightTrimLength(start, x) : 0;
        skipTo(x - trimLength);
        Token text = thisItem(Type.TEXT);
        skipTo(x);
        ignore();
        if (!text.val().isEmpty()) {
          item = text;
          return null;
        }
      }
      return this::lexLeftDelim;
    }
    skipTo(input.length());
    if (pos > start) {
      return emit(Type.TEXT);
    }
    return emit(Type.EOF);
  }

  // atRightDelim reports whether the lexer is at a right delimiter, possibly preceded by a trim marker.
  private int atRightDelim() {
    if (hasRightTrimMarker(pos) && input.startsWith(RIGHT_DELIM, pos + TRIM_MARKER_LEN)) {
      return 2;
    }
    if (input.startsWith(RIGHT_DELIM, pos)) {
      return 1;
    }
    return 0;
  }

  // lexLeftDelim scans the left delimiter, which is known to be present, possibly with a trim marker.
  private State lexLeftDelim() {
    skipTo(pos + LEFT_DELIM.length());
    boolean trimSpace = hasLeftTrimMarker(pos);
    int afterMarker = trimSpace ? TRIM_MARKER_LEN : 0;
    if (input.startsWith(LEFT_COMMENT, pos + afterMarker)) {
      skipTo(pos + afterMarker);
      ignore();
      return this::lexComment;
    }
    Token i = thisItem(Type.LEFT_DELIM);
    insideAction = true;
    skipTo(pos + afterMarker);
    ignore();
    parenDepth = 0;
    return emitItem(i);
  }

  // lexComment scans a comment. The left comment marker is known to be present.
  private State lexComment() {
    skipTo(pos + LEFT_COMMENT.length());
    int x = input.indexOf(RIGHT_COMMENT, pos);
    if (x < 0) {
      return errorf("unclosed comment");
    }
    skipTo(x + RIGHT_COMMENT.length());
    int delim = atRightDelim();
    if (delim == 0) {
      return errorf("comment ends before closing delimiter");
    }
    boolean trimSpace = delim == 2;
    if (trimSpace) {
      skipTo(pos + TRIM_MARKER_LEN);
    }
    skipTo(pos + RIGHT_DELIM.length());
    if (trimSpace) {
      skipTo(pos + leftTrimLength(pos));
    }
    ignore();
    // Comments are not emitted (Go's emitComment option is off for text/template).
    return this::lexText;
  }

  // lexRightDelim scans the right delimiter, which is known to be present, possibly with a trim marker.
  private State lexRightDelim() {
    boolean trimSpace = atRightDelim() == 2;
    if (trimSpace) {
      skipTo(pos + TRIM_MARKER_LEN);
      ignore();
    }
    skipTo(pos + RIGHT_DELIM.length());
    Token i = thisItem(Type.RIGHT_DELIM);
    if (trimSpace) {
      skipTo(pos + leftTrimLength(pos));
      ignore();
    }
    insideAction = false;
    return emitItem(i);
  }

  // lexInsideAction scans the elements inside action delimiters.
  private State lexInsideAction() {
    if (atRightDelim() != 0) {
      if (parenDepth == 0) {
        return this::lexRightDelim;
      }
      return errorf("unclosed left paren");
    }
    int r = next();
    if (r == EOF) {
      return errorf("unclosed action");
    }
    if (isSpace(r)) {
      backup(); // Put space back in case we have " -}}".
      return this::lexSpace;
    }
    switch (r) {
      case '=':
        return emit(Type.ASSIGN);
      case ':':
        if (next() != '=') {
          return errorf("expected :=");
        }
        return emit(Type.DECLARE);
      case '|':
        return emit(Type.PIPE);
      case '"':
        return this::lexQuote;
      case '`':
        return this::lexRawQuote;
      case '$':
        return this::lexVariable;
      case '\'':
        return this::lexChar;
      case '(':
        parenDepth++;
        return emit(Type.LEFT_PAREN);
      case ')':
        parenDepth--;
        if (parenDepth < 0) {
          return errorf("unexpected right paren");
        }
        return emit(Type.RIGHT_PAREN);
      default:
        break;
    }
    if (r == '.') {
      // special look-ahead for ".field" so we don't break backup().
      if (pos < input.length()) {
        char c = input.charAt(pos);
        if (c < '0' || '9' < c) {
          return this::lexField;
        }
      }
      backup();
      return this::lexNumber;
    }
    if (r == '+' || r == '-' || ('0' <= r && r <= '9')) {
      backup();
      return this::lexNumber;
    }
    if (isAlphaNumeric(r)) {
      backup();
      return this::lexIdentifier;
    }
    if (r <= 0x7f && r >= 0x20 && r != 0x7f) {
      return emit(Type.CHAR);
    }
    return errorf("unrecognized character in action: " + goRuneU(input.codePointAt(pos - 1)));
  }

  /** Go's {@code %#U}: {@code U+0001} or {@code U+00E9 'é'}. */
  static String goRuneU(int r) {
    String hex = String.format("U+%04X", r);
    return GoStrconv.isPrint(r) ? hex + " '" + new String(Character.toChars(r)) + "'" : hex;
  }

  // lexSpace scans a run of space characters. Take care of a trim-marked right delimiter.
  private State lexSpace() {
    int numSpaces = 0;
    while (isSpace(peek())) {
      next();
      numSpaces++;
    }
    if (hasRightTrimMarker(pos - 1) && input.startsWith(RIGHT_DELIM, pos - 1 + TRIM_MARKER_LEN)) {
      backup(); // Before the space.
      if (numSpaces == 1) {
        return this::lexInsideAction; // Space is the only thing here, so don't emit it.
      }
    }
    return emit(Type.SPACE);
  }

  // lexIdentifier scans an alphanumeric word.
  private State lexIdentifier() {
    while (true) {
      int r = next();
      if (isAlphaNumeric(r)) {
        continue;
      }
      if (r != EOF) {
        backup();
      }
      String word = input.substring(start, pos);
      if (!atTerminator()) {
        return errorf("bad character " + goRuneU(r == EOF ? 0xFFFD : input.codePointAt(pos)));
      }
      Type key = KEYWORDS.get(word);
      if (key != null && key.ordinal() > Type.KEYWORD.ordinal()) {
        if ((key == Type.BREAK && !breakOk) || (key == Type.CONTINUE && !continueOk)) {
          return emit(Type.IDENTIFIER);
        }
        return emit(key);
      }
      if (word.charAt(0) == '.') {
        return emit(Type.FIELD);
      }
      if (word.equals("true") || word.equals("false")) {
        return emit(Type.BOOL);
      }
      return emit(Type.IDENTIFIER);
    }
  }

  private State lexField() {
    return lexFieldOrVariable(Type.FIELD);
  }

  private State lexVariable() {
    if (atTerminator()) { // Nothing interesting follows -> "$".
      return emit(Type.VARIABLE);
    }
    return lexFieldOrVariable(Type.VARIABLE);
  }

  private State lexFieldOrVariable(Type typ) {
    if (atTerminator()) { // Nothing interesting follows -> "." or "$".
      return emit(typ == Type.VARIABLE ? Type.VARIABLE : Type.DOT);
    }
    int r;
    while (true) {
      r = next();
      if (!isAlphaNumeric(r)) {
        if (r != EOF) {
          backup();
        }
        break;
      }
    }
    if (!atTerminator()) {
      return errorf("bad character " + goRuneU(input.codePointAt(pos)));
    }
    return emit(typ);
  }

  // atTerminator reports whether the input is at valid termination character to appear after an identifier.
  private boolean atTerminator() {
    int r = peek();
    if (isSpace(r)) {
      return true;
    }
    switch (r) {
      case EOF, '.', ',', '|', ':', ')', '(':
        return true;
      default:
        return input.startsWith(RIGHT_DELIM, pos);
    }
  }

  // lexChar scans a character constant. The initial quote is already scanned.
  private State lexChar() {
    while (true) {
      int r = next();
      if (r == '\\') {
        int e = next();
        if (e != EOF && e != '\n') {
          continue;
        }
        return errorf("unterminated character constant");
      }
      if (r == EOF || r == '\n') {
        return errorf("unterminated character constant");
      }
      if (r == '\'') {
        return emit(Type.CHAR_CONSTANT);
      }
    }
  }

  // lexNumber scans a number: decimal, octal, hex, float, or imaginary.
  private State lexNumber() {
    if (!scanNumber()) {
      return errorf("bad number syntax: " + GoQuote.quote(input.substring(start, pos)));
    }
    int sign = peek();
    if (sign == '+' || sign == '-') {
      // Complex: 1+2i. No spaces, must end in 'i'.
      if (!scanNumber() || input.charAt(pos - 1) != 'i') {
        return errorf("bad number syntax: " + GoQuote.quote(input.substring(start, pos)));
      }
      return emit(Type.COMPLEX);
    }
    return emit(Type.NUMBER);
  }

  private boolean scanNumber() {
    accept("+-");
    String digits = "0123456789_";
    if (accept("0")) {
      // Note: Leading 0 does not mean octal in floats.
      if (accept("xX")) {
        digits = "0123456789abcdefABCDEF_";
      } else if (accept("oO")) {
        digits = "01234567_";
      } else if (accept("bB")) {
        digits = "01_";
      }
    }
    acceptRun(digits);
    if (accept(".")) {
      acceptRun(digits);
    }
    if (digits.length() == 10 + 1 && accept("eE")) {
      accept("+-");
      acceptRun("0123456789_");
    }
    if (digits.length() == 16 + 6 + 1 && accept("pP")) {
      accept("+-");
      acceptRun("0123456789_");
    }
    accept("i");
    if (isAlphaNumeric(peek())) {
      next();
      return false;
    }
    return true;
  }

  // lexQuote scans a quoted string.
  private State lexQuote() {
    while (true) {
      int r = next();
      if (r == '\\') {
        int e = next();
        if (e != EOF && e != '\n') {
          continue;
        }
        return errorf("unterminated quoted string");
      }
      if (r == EOF || r == '\n') {
        return errorf("unterminated quoted string");
      }
      if (r == '"') {
        return emit(Type.STRING);
      }
    }
  }

  // lexRawQuote scans a raw quoted string.
  private State lexRawQuote() {
    while (true) {
      int r = next();
      if (r == EOF) {
        return errorf("unterminated raw quoted string");
      }
      if (r == '`') {
        return emit(Type.RAW_STRING);
      }
    }
  }
}
