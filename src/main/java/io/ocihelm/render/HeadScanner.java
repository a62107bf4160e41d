package io.ocihelm.render;

/**
 * One pass over a rendered document that validates it as YAML and picks out SimpleHead's fields,
 * for the block-style subset templates nearly always produce: block mappings and sequences
 * (including compact {@code - key: value} items and sequences at their key's column), plain and
 * single-line quoted scalars, {@code |}/{@code >} block scalars, empty {@code []}/{@code {}},
 * comments. Reading every document in full through the YAML library was 80 % of a warm render.
 *
 * <p>The contract is one-sided: {@link #scan} answers only when it is sure libyaml accepts the
 * document and the whole Helm conversion (yaml.v2, sigs.k8s.io/yaml, encoding/json into
 * SimpleHead) succeeds with exactly the fields found here; on anything else (anchors, aliases,
 * tags, flow content, multi-line plain or quoted scalars, tabs, odd indentation, control
 * characters, null or merge keys, NaN/Inf, head fields that are not plain strings, keys that
 * differ from a field name only in case, duplicated head keys, any syntax error) it returns null
 * and the caller reads the document fully, which gives Helm's result or Helm's error.
 */
final class HeadScanner {
  /** Thrown (without a stack trace) wherever the subset ends; the caller falls back. */
  private static final class Unsupported extends RuntimeException {
    Unsupported() {
      super(null, null, false, false);
    }
  }

  private static final Unsupported UNSUPPORTED = new Unsupported();

  /** Deeper documents are left to the full reader (which has its own limits). */
  private static final int MAX_DEPTH = 200;

  /** libyaml refuses simple keys longer than this. */
  private static final int MAX_SIMPLE_KEY = 1024;

  /** What a value is bound for in SimpleHead. */
  private enum Target { NONE, KIND, STRING, METADATA, NAME, ANNOTATIONS, ANNOTATION, HOOK, WEIGHT, DELETE_POLICY }

  private final String s;
  private final int len;
  /** Start of the current line. */
  private int line;

  private String kind = "";
  private String name = "";
  private String hook;
  private String hookWeight;
  private String hookDeletePolicy;
  private boolean seenApiVersion;
  private boolean seenKind;
  private boolean seenMetadata;
  private boolean seenName;
  private boolean seenAnnotations;

  private HeadScanner(String s) {
    this.s = s;
    this.len = s.length();
  }

  /** The head, or null when the document must be read fully. */
  static ManifestHead scan(String doc) {
    HeadScanner scanner = new HeadScanner(doc);
    try {
      return scanner.document();
    } catch (Unsupported e) {
      if (System.getProperty("hs.debug") != null) { int ls = Math.min(scanner.line, doc.length()); System.out.println("AT line: [" + doc.substring(ls, Math.min(doc.length(), ls + 150)).replace("\n", "|") + "]"); }
      return null;
    }
  }

  private ManifestHead document() {
    checkCharacters();
    line = 0;
    int indent = nextContentLine();
    if (line >= len) {
      return ManifestHead.EMPTY;
    }
    if (indent != 0 || !isKeyLine(line)) {
      throw UNSUPPORTED;
    }
    mapping(line, 0, Target.NONE, true, 0);
    if (nextContentLine() >= 0) {
      throw UNSUPPORTED;
    }
    return new ManifestHead(kind, name, hook, hookWeight, hookDeletePolicy);
  }

  /** Characters libyaml rejects or treats specially (CR, NEL, LS, PS, BOM) are left to the full reader. */
  private void checkCharacters() {
    for (int i = 0; i < len; i++) {
      char c = s.charAt(i);
      if (c >= 0x20 && c < 0x7F || c == '\n') {
        continue;
      }
      if (c < 0xA0 || c == 0xFEFF || c == 0x2028 || c == 0x2029 || c >= 0xFFFE) {
        throw UNSUPPORTED;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= len || !Character.isLowSurrogate(s.charAt(i + 1))) {
          throw UNSUPPORTED;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        throw UNSUPPORTED;
      }
    }
  }

  // ---- lines ----

  private int lineEnd(int from) {
    int nl = s.indexOf('\n', from);
    return nl < 0 ? len : nl;
  }

  private int nextLine(int from) {
    int end = lineEnd(from);
    return end < len ? end + 1 : len;
  }

  /** Leading spaces of the line starting at {@code start}. */
  private int spaces(int start) {
    int i = start;
    while (i < len && s.charAt(i) == ' ') {
      i++;
    }
    return i - start;
  }

  /**
   * Moves {@link #line} past blank and comment lines; returns the indentation of the content line
   * it stops at, or -1 at the end of the document.
   */
  private int nextContentLine() {
    while (line < len) {
      int n = spaces(line);
      int i = line + n;
      char c = i < len ? s.charAt(i) : '\n';
      if (c == '\n' || c == '#') {
        line = nextLine(line);
        continue;
      }
      return n;
    }
    return -1;
  }

  private char at(int i) {
    return i < len ? s.charAt(i) : '\n';
  }

  private static boolean isBlankOrEnd(char c) {
    return c == ' ' || c == '\n';
  }

  /** After a value: only spaces, then a comment or the line end. */
  private void endOfLine(int i) {
    while (at(i) == ' ') {
      i++;
    }
    char c = at(i);
    if (c != '\n' && !(c == '#' && s.charAt(i - 1) == ' ')) {
      throw UNSUPPORTED;
    }
  }

  // ---- structure ----

  /**
   * A block mapping whose first key starts at {@code start} (a line start plus indentation, or the
   * position after a {@code - } of a compact item). Returns with {@link #line} at the first
   * content line indented less than the mapping, or at the end.
   */
  private void mapping(int start, int col, Target target, boolean top, int depth) {
    if (depth > MAX_DEPTH) {
      throw UNSUPPORTED;
    }
    int keyStart = start;
    while (true) {
      int colon = keyEnd(keyStart);
      if (colon < 0) {
        throw UNSUPPORTED;
      }
      String key = keyText(keyStart, colon);
      Target valueTarget = top ? topTarget(key) : fieldTarget(target, key);
      value(colon + 1, col, valueTarget, true, depth);
      int indent = nextContentLine();
      if (indent < col) {
        return;
      }
      if (indent > col || !isKeyLine(line)) {
        throw UNSUPPORTED;
      }
      keyStart = line + indent;
    }
  }

  /** A block sequence whose first {@code -} starts at column {@code col} of the current line. */
  private void sequence(int col, boolean indentless, int depth) {
    if (depth > MAX_DEPTH) {
      throw UNSUPPORTED;
    }
    while (true) {
      int dash = line + col;
      int i = dash + 1;
      while (at(i) == ' ') {
        i++;
      }
      char c = at(i);
      if (c == '\n' || c == '#') {
        line = nextLine(line);
        int indent = nextContentLine();
        if (indent > col) {
          block(indent, col, Target.NONE, depth + 1);
        }
      } else if (c == '-' && isBlankOrEnd(at(i + 1))) {
        throw UNSUPPORTED;
      } else if (keyEnd(i) >= 0) {
        mapping(i, i - line, Target.NONE, false, depth + 1);
      } else {
        value(dash + 1, col, Target.NONE, false, depth);
      }
      int indent = nextContentLine();
      if (indent < col) {
        return;
      }
      if (indent > col || !isDashLine(line + col)) {
        if (indentless && indent == col) {
          return;
        }
        throw UNSUPPORTED;
      }
    }
  }

  /**
   * A node that starts on its own line at {@code indent} (greater than its parent's column): a
   * mapping, a sequence or a plain scalar.
   */
  private void block(int indent, int parentCol, Target target, int depth) {
    int start = line + indent;
    if (isDashLine(start)) {
      if (target != Target.NONE) {
        throw UNSUPPORTED;
      }
      sequence(indent, false, depth);
    } else if (keyEnd(start) >= 0) {
      if (target != Target.NONE && target != Target.METADATA && target != Target.ANNOTATIONS) {
        throw UNSUPPORTED;
      }
      mapping(start, indent, target, false, depth);
    } else if (at(start) == '[' || at(start) == '{') {
      flow(start, target);
      line = nextLine(line);
    } else if (canStartPlain(start)) {
      plain(start, parentCol, target);
    } else {
      throw UNSUPPORTED;
    }
  }

  /**
   * A flow collection on one line: {@code {}}, {@code []}, or a sequence of scalars such as
   * {@code ["get", "list"]} or {@code [IPv4]}. Anything nested or spanning lines is unsupported.
   */
  private void flow(int i, Target target) {
    boolean emptyMap = at(i) == '{' && at(i + 1) == '}';
    if (emptyMap) {
      endOfLine(i + 2);
    } else if (at(i) == '[') {
      endOfLine(flowSequenceEnd(i));
    } else {
      throw UNSUPPORTED;
    }
    if (target != Target.NONE && !(emptyMap && isCollectionTarget(target))) {
      throw UNSUPPORTED;
    }
  }

  /** The index after the {@code ]} of a one-line flow sequence of scalars starting at {@code open}. */
  private int flowSequenceEnd(int open) {
    int j = open + 1;
    while (at(j) == ' ') {
      j++;
    }
    if (at(j) == ']') {
      return j + 1;
    }
    while (true) {
      char c = at(j);
      if (c == '"' || c == '\'') {
        j = (c == '"' ? doubleQuotedEnd(j, false) : singleQuotedEnd(j, false)) + 1;
      } else {
        int start = j;
        if (!canStartPlain(j) || c == '-') {
          throw UNSUPPORTED;
        }
        int last = j;
        for (; ; j++) {
          char d = at(j);
          if (d == ',' || d == ']') {
            break;
          }
          if (d == '\n' || d == ':' || d == '[' || d == ']' || d == '{' || d == '}' || d == '#' && at(j - 1) == ' ') {
            throw UNSUPPORTED;
          }
          if (d != ' ') {
            last = j + 1;
          }
        }
        if (isNanOrInf(s.substring(start, last))) {
          throw UNSUPPORTED;
        }
      }
      while (at(j) == ' ') {
        j++;
      }
      if (at(j) == ']') {
        return j + 1;
      }
      if (at(j) != ',') {
        throw UNSUPPORTED;
      }
      j++;
      while (at(j) == ' ') {
        j++;
      }
    }
  }

  /**
   * The value after a mapping's {@code :} (or a sequence's {@code -}) at {@code i}; {@code col} is
   * the column of the collection it belongs to. Leaves {@link #line} at the first line after the
   * value.
   */
  private void value(int i, int col, Target target, boolean inMapping, int depth) {
    while (at(i) == ' ') {
      i++;
    }
    char c = at(i);
    if (c == '\n' || c == '#') {
      line = nextLine(line);
      int indent = nextContentLine();
      if (indent > col) {
        block(indent, col, target, depth + 1);
      } else if (indent == col && inMapping && isDashLine(line + col)) {
        if (target != Target.NONE) {
          throw UNSUPPORTED;
        }
        sequence(col, true, depth + 1);
      } else if (target == Target.HOOK || target == Target.WEIGHT || target == Target.DELETE_POLICY) {
        // Helm compat: a null hook annotation is present as "" (an unknown event); the full reader says so.
        throw UNSUPPORTED;
      }
      // otherwise null: leaves the field as it was; the caller sees the next line
      return;
    }
    switch (c) {
      case '"', '\'' -> {
        int end = c == '"' ? doubleQuotedEnd(i, true) : singleQuotedEnd(i, true);
        boolean multiline = s.lastIndexOf('\n', end) > i;
        if (multiline) {
          line = s.lastIndexOf('\n', end) + 1;
        }
        endOfLine(end + 1);
        if (isCollectionTarget(target) || multiline && target != Target.NONE && target != Target.ANNOTATION) {
          throw UNSUPPORTED;
        }
        if (!multiline) {
          assign(target, c == '"' ? doubleQuotedValue(i, end) : singleQuotedValue(i, end));
        }
      }
      case '|', '>' -> {
        if (target != Target.NONE && target != Target.ANNOTATION) {
          throw UNSUPPORTED;
        }
        blockScalar(i, col);
        return;
      }
      case '[', '{' -> flow(i, target);
      default -> {
        plain(i, col, target);
        return;
      }
    }
    line = nextLine(line);
  }

  /**
   * A plain scalar starting at {@code i}, possibly continued on following lines indented more
   * than {@code col} (controller-gen writes long CRD descriptions so). Leaves {@link #line} at the
   * first line after it.
   */
  private void plain(int i, int col, Target target) {
    if (!canStartPlain(i)) {
      throw UNSUPPORTED;
    }
    int end = plainEnd(i);
    String first = s.substring(i, end);
    boolean commented = commentFollows(end);
    line = nextLine(line);
    boolean multiline = false;
    while (true) {
      int p = line;
      while (p < len && at(p + spaces(p)) == '\n') {
        p = nextLine(p);
      }
      int n = p < len ? spaces(p) : -1;
      if (n <= col || at(p + n) == '#') {
        break;
      }
      if (commented) {
        throw UNSUPPORTED;
      }
      int e = plainEnd(p + n);
      commented = commentFollows(e);
      multiline = true;
      line = nextLine(p);
    }
    if (isCollectionTarget(target)) {
      throw UNSUPPORTED;
    }
    if (target != Target.NONE && target != Target.ANNOTATION && (multiline || !resolvesToString(first))) {
      throw UNSUPPORTED;
    }
    if (!multiline && isNanOrInf(first)) {
      throw UNSUPPORTED;
    }
    assign(target, first);
  }

  /** A comment ends a plain scalar: no continuation line may follow it. */
  private boolean commentFollows(int i) {
    while (at(i) == ' ') {
      i++;
    }
    return at(i) == '#';
  }



  private static boolean isCollectionTarget(Target t) {
    return t == Target.METADATA || t == Target.ANNOTATIONS;
  }

  private void assign(Target target, String value) {
    switch (target) {
      case KIND -> kind = value;
      case NAME -> name = value;
      case HOOK -> hook = value;
      case WEIGHT -> hookWeight = value;
      case DELETE_POLICY -> hookDeletePolicy = value;
      default -> { }
    }
  }

  /** The SimpleHead field a key of a mapping bound for {@code target} feeds. */
  private Target fieldTarget(Target target, String key) {
    switch (target) {
      case NONE -> {
        return Target.NONE;
      }
      case METADATA -> {
        if (key.equals("name")) {
          seenName = once(seenName);
          return Target.NAME;
        }
        if (key.equals("annotations")) {
          seenAnnotations = once(seenAnnotations);
          return Target.ANNOTATIONS;
        }
        if (ManifestHead.foldEquals(key, "name") || ManifestHead.foldEquals(key, "annotations")) {
          throw UNSUPPORTED;
        }
        return Target.NONE;
      }
      case ANNOTATIONS -> {
        if (key.equals(ManifestSorter.HOOK_ANNOTATION)) {
          if (hook != null) {
            throw UNSUPPORTED;
          }
          return Target.HOOK;
        }
        if (key.equals(ManifestSorter.HOOK_WEIGHT_ANNOTATION)) {
          if (hookWeight != null) {
            throw UNSUPPORTED;
          }
          return Target.WEIGHT;
        }
        if (key.equals(ManifestSorter.HOOK_DELETE_POLICY_ANNOTATION)) {
          if (hookDeletePolicy != null) {
            throw UNSUPPORTED;
          }
          return Target.DELETE_POLICY;
        }
        return Target.ANNOTATION;
      }
      default -> throw UNSUPPORTED;
    }
  }

  /** The top-level mapping's keys. */
  private Target topTarget(String key) {
    switch (key) {
      case "apiVersion" -> {
        seenApiVersion = once(seenApiVersion);
        return Target.STRING;
      }
      case "kind" -> {
        seenKind = once(seenKind);
        return Target.KIND;
      }
      case "metadata" -> {
        seenMetadata = once(seenMetadata);
        return Target.METADATA;
      }
      default -> {
        if (ManifestHead.foldEquals(key, "apiVersion") || ManifestHead.foldEquals(key, "kind")
            || ManifestHead.foldEquals(key, "metadata")) {
          throw UNSUPPORTED;
        }
        return Target.NONE;
      }
    }
  }

  private static boolean once(boolean seen) {
    if (seen) {
      throw UNSUPPORTED;
    }
    return true;
  }

  // ---- keys ----

  private boolean isDashLine(int i) {
    return at(i) == '-' && isBlankOrEnd(at(i + 1));
  }

  private boolean isKeyLine(int lineStart) {
    return keyEnd(lineStart + spaces(lineStart)) >= 0;
  }

  /** The index of the {@code :} ending a simple key starting at {@code i}, or -1. */
  private int keyEnd(int i) {
    char c = at(i);
    int j;
    if (c == '"' || c == '\'') {
      j = (c == '"' ? doubleQuotedEnd(i, false) : singleQuotedEnd(i, false)) + 1;
      while (at(j) == ' ') {
        j++;
      }
      return at(j) == ':' && isBlankOrEnd(at(j + 1)) && j - i <= MAX_SIMPLE_KEY ? j : -1;
    }
    if (!canStartPlain(i)) {
      return -1;
    }
    int end = lineEnd(i);
    for (j = i; j < end; j++) {
      char d = s.charAt(j);
      if (d == ':' && isBlankOrEnd(at(j + 1))) {
        if (s.charAt(j - 1) == ' ' || j - i > MAX_SIMPLE_KEY) {
          return -1;
        }
        return j;
      }
      if (d == '#' && s.charAt(j - 1) == ' ') {
        return -1;
      }
    }
    return -1;
  }

  /** The key's string; null and merge keys are left to the full reader. */
  private String keyText(int start, int colon) {
    char c = s.charAt(start);
    String key;
    if (c == '"' || c == '\'') {
      int end = c == '"' ? doubleQuotedEnd(start, false) : singleQuotedEnd(start, false);
      key = c == '"' ? doubleQuotedValue(start, end) : singleQuotedValue(start, end);
    } else {
      key = s.substring(start, colon);
      if (isNullWord(key) || key.equals("<<")) {
        throw UNSUPPORTED;
      }
    }
    return key;
  }

  private boolean canStartPlain(int i) {
    char c = at(i);
    return switch (c) {
      case '-', '?', ':' -> !isBlankOrEnd(at(i + 1)) && c == '-';
      case ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`', ' ', '\n' -> false;
      default -> true;
    };
  }

  // ---- scalars ----

  /**
   * The end (exclusive, trailing spaces dropped) of a plain scalar's text on the line from
   * {@code i}; a {@code ": "} inside (an error, or a key where a value belongs) is unsupported.
   */
  private int plainEnd(int i) {
    int end = lineEnd(i);
    int last = i;
    for (int j = i; j < end; j++) {
      char d = s.charAt(j);
      if (d == ':' && isBlankOrEnd(at(j + 1))) {
        throw UNSUPPORTED;
      }
      if (d == '#' && s.charAt(j - 1) == ' ') {
        break;
      }
      if (d != ' ') {
        last = j + 1;
      }
    }
    return last;
  }

  /**
   * The closing quote of a double-quoted scalar; with {@code multiline} it may close on a later
   * line (folded; such lines must be indented: a line at column 0 could be a document marker).
   */
  private int doubleQuotedEnd(int open, boolean multiline) {
    int end = multiline ? len : lineEnd(open);
    for (int j = open + 1; j < end; j++) {
      char d = s.charAt(j);
      if (d == '"') {
        return j;
      }
      if (d == '\\') {
        j++;
        char e = at(j);
        if ("\"\\ntr0 ".indexOf(e) < 0 || j >= end) {
          throw UNSUPPORTED;
        }
      } else if (d == '\n' && at(j + 1) != ' ' && at(j + 1) != '\n') {
        throw UNSUPPORTED;
      }
    }
    throw UNSUPPORTED;
  }

  private String doubleQuotedValue(int open, int close) {
    if (s.indexOf('\\', open + 1) < 0 || s.indexOf('\\', open + 1) > close) {
      return s.substring(open + 1, close);
    }
    StringBuilder b = new StringBuilder(close - open);
    for (int j = open + 1; j < close; j++) {
      char d = s.charAt(j);
      if (d != '\\') {
        b.append(d);
        continue;
      }
      char e = s.charAt(++j);
      b.append(switch (e) {
        case 'n' -> '\n';
        case 't' -> '\t';
        case 'r' -> '\r';
        case '0' -> '\0';
        default -> e;
      });
    }
    return b.toString();
  }

  private int singleQuotedEnd(int open, boolean multiline) {
    int end = multiline ? len : lineEnd(open);
    for (int j = open + 1; j < end; j++) {
      char d = s.charAt(j);
      if (d == '\'') {
        if (j + 1 < end && s.charAt(j + 1) == '\'') {
          j++;
          continue;
        }
        return j;
      }
      if (d == '\n' && at(j + 1) != ' ' && at(j + 1) != '\n') {
        throw UNSUPPORTED;
      }
    }
    throw UNSUPPORTED;
  }

  private String singleQuotedValue(int open, int close) {
    return s.substring(open + 1, close).replace("''", "'");
  }

  /**
   * A {@code |} or {@code >} block scalar whose header is at {@code i}; its content lines are all
   * lines indented at least as much as the first non-empty one, which must be indented more than
   * {@code col}. Leaves {@link #line} at the first line after the content.
   */
  private void blockScalar(int i, int col) {
    int j = i + 1;
    if (at(j) == '-' || at(j) == '+') {
      j++;
    }
    char c = at(j);
    if (c >= '0' && c <= '9') {
      throw UNSUPPORTED;
    }
    endOfLine(j);
    line = nextLine(line);
    int maxBlank = 0;
    int indent = -1;
    while (line < len) {
      int n = spaces(line);
      char d = at(line + n);
      if (d == '\n') {
        maxBlank = Math.max(maxBlank, n);
        line = nextLine(line);
        continue;
      }
      if (d == '\t' || maxBlank > n) {
        throw UNSUPPORTED;
      }
      indent = n;
      break;
    }
    if (indent <= col) {
      return;
    }
    while (line < len) {
      int n = spaces(line);
      if (n < indent && at(line + n) != '\n') {
        return;
      }
      line = nextLine(line);
    }
  }

  // ---- plain scalar resolution ----

  private static boolean isNullWord(String v) {
    return v.isEmpty() || v.equals("~") || v.equals("null") || v.equals("Null") || v.equals("NULL");
  }

  /** yaml.v2 would resolve this plain scalar to NaN or an infinity (JSON cannot carry them). */
  private static boolean isNanOrInf(String v) {
    int n = v.length();
    if (n < 4 || n > 5) {
      return false;
    }
    String t = v.charAt(0) == '+' || v.charAt(0) == '-' ? v.substring(1) : v;
    return switch (t) {
      case ".inf", ".Inf", ".INF" -> true;
      case ".nan", ".NaN", ".NAN" -> t.length() == v.length();
      default -> false;
    };
  }

  /**
   * Conservatively: the plain scalar certainly resolves to a string in yaml.v2 (no bool/null
   * word, nothing that could be a number or timestamp).
   */
  private static boolean resolvesToString(String v) {
    if (v.isEmpty()) {
      return false;
    }
    char c = v.charAt(0);
    if (c == '.' || c == '+' || c == '-' || c == '~' || (c >= '0' && c <= '9')) {
      return false;
    }
    return switch (v) {
      case "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON",
          "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF",
          "null", "Null", "NULL" -> false;
      default -> true;
    };
  }
}
