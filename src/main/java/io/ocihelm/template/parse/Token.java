package io.ocihelm.template.parse;

/**
 * One lexical item, as Go's {@code parse.item}: its type, its offset in the input (in chars), its
 * text and the line it starts on. Errors are tokens too ({@link Type#ERROR}, text = message).
 */
public record Token(Type type, int pos, String val, int line) {
  /** Item types. Keywords come after {@link #KEYWORD}, as in Go, so "is keyword" is an ordinal test. */
  public enum Type {
    ERROR, BOOL, CHAR, CHAR_CONSTANT, COMMENT, COMPLEX, ASSIGN, DECLARE, EOF, FIELD, IDENTIFIER,
    LEFT_DELIM, LEFT_PAREN, NUMBER, PIPE, RAW_STRING, RIGHT_DELIM, RIGHT_PAREN, SPACE, STRING, TEXT,
    VARIABLE,
    KEYWORD,
    BLOCK, BREAK, CONTINUE, DOT, DEFINE, ELSE, END, IF, NIL, RANGE, TEMPLATE, WITH
  }

  /** How Go's parser prints an item in error messages ({@code item.String()}). */
  @Override
  public String toString() {
    if (type == Type.EOF) {
      return "EOF";
    }
    if (type == Type.ERROR) {
      return val;
    }
    if (type.ordinal() > Type.KEYWORD.ordinal()) {
      return "<" + val + ">";
    }
    if (val.length() > 10) {
      // Go: fmt "%.10q..." quotes the first 10 runes.
      int end = val.offsetByCodePoints(0, Math.min(10, val.codePointCount(0, val.length())));
      return GoQuote.quote(val.substring(0, end)) + "...";
    }
    return GoQuote.quote(val);
  }
}
