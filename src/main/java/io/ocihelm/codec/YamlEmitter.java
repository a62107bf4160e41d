package io.ocihelm.codec;

import java.util.List;

/**
 * A block-style YAML writer that lays out text the way libyaml's emitter (inside go-yaml v2 and
 * v3) does: the same scalar analysis (which styles a string allows), the same indentation
 * bookkeeping, folding of long plain/quoted scalars at 80 columns (v2 only; v3 as Helm uses it
 * never folds), literal block scalars with their chomping hints, and empty collections in flow
 * style. It writes a tree that {@link GoYaml} has already resolved (keys sorted, numbers spelled).
 */
final class YamlEmitter {
  /** The go-yaml generation whose layout to follow. */
  enum Dialect { V2, V3 }

  /** The tree to write. */
  sealed interface Node {}

  /** A scalar; {@code string} scalars get quoted as needed, others are written plain as spelled. */
  record Scalar(String text, boolean string) implements Node {}

  record Sequence(List<Node> items) implements Node {}

  record Entry(Scalar key, Node value) {}

  record Mapping(List<Entry> entries) implements Node {}

  private enum Style { PLAIN, SINGLE, DOUBLE, LITERAL }

  private static final int BEST_INDENT = 2;

  private final Dialect dialect;
  private final int bestWidth;
  private final StringBuilder out = new StringBuilder();
  private final java.util.ArrayDeque<Integer> indents = new java.util.ArrayDeque<>();
  private int indent = -1;
  private int column;
  private boolean whitespace = true;
  private boolean indention = true;

  private YamlEmitter(Dialect dialect) {
    this.dialect = dialect;
    this.bestWidth = dialect == Dialect.V2 ? 80 : Integer.MAX_VALUE;
  }

  /** The document text, ending in a newline like go-yaml's output. */
  static String emit(Node root, Dialect dialect) {
    YamlEmitter e = new YamlEmitter(dialect);
    e.node(root, false, false);
    // document end: libyaml's write_indent, which ends the last line
    e.indent = -1;
    e.writeIndent();
    return e.out.toString();
  }

  private void node(Node node, boolean mappingContext, boolean simpleKey) {
    switch (node) {
      case Scalar s -> scalar(s, simpleKey);
      case Sequence seq when seq.items().isEmpty() -> flowEmpty("[", "]");
      case Mapping map when map.entries().isEmpty() -> flowEmpty("{", "}");
      case Sequence seq -> blockSequence(seq, mappingContext);
      case Mapping map -> blockMapping(map);
    }
  }

  private void flowEmpty(String open, String close) {
    writeIndicator(open, true, true, false);
    writeIndicator(close, false, false, false);
  }

  private void increaseIndent(boolean flow, boolean indentless) {
    indents.push(indent);
    if (indent < 0) {
      indent = flow ? BEST_INDENT : 0;
    } else if (!indentless) {
      indent += BEST_INDENT;
    }
  }

  private void popIndent() {
    indent = indents.pop();
  }

  private void blockSequence(Sequence seq, boolean mappingContext) {
    // yaml.v2 writes a sequence that is a mapping value without extra indentation ("a:\n- x");
    // yaml.v3 indents it.
    increaseIndent(false, dialect == Dialect.V2 && mappingContext && !indention);
    for (Node item : seq.items()) {
      writeIndent();
      writeIndicator("-", true, false, true);
      node(item, false, false);
    }
    popIndent();
  }

  private void blockMapping(Mapping map) {
    increaseIndent(false, false);
    for (Entry entry : map.entries()) {
      writeIndent();
      if (isSimpleKey(entry.key())) {
        node(entry.key(), true, true);
        writeIndicator(":", false, false, false);
      } else {
        writeIndicator("?", true, false, true);
        node(entry.key(), true, false);
        writeIndent();
        writeIndicator(":", true, false, true);
      }
      node(entry.value(), true, false);
    }
    popIndent();
  }

  private static boolean isSimpleKey(Scalar key) {
    return key.text().getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= 128
        && !analyze(key.text()).multiline;
  }

  // --- scalars ---

  private void scalar(Scalar s, boolean simpleKey) {
    Analysis a = analyze(s.text());
    Style style = requestedStyle(s);
    if (style == Style.PLAIN) {
      if (!a.blockPlainAllowed || (s.text().isEmpty() && simpleKey)) {
        style = Style.SINGLE;
      }
    }
    if (style == Style.SINGLE && !a.singleQuotedAllowed) {
      style = Style.DOUBLE;
    }
    if (style == Style.LITERAL && (!a.blockAllowed || simpleKey)) {
      style = Style.DOUBLE;
    }
    increaseIndent(true, false);
    switch (style) {
      case PLAIN -> writePlain(s.text(), !simpleKey);
      case SINGLE -> writeSingleQuoted(s.text(), !simpleKey);
      case DOUBLE -> writeDoubleQuoted(s.text(), !simpleKey);
      case LITERAL -> writeLiteral(s.text());
    }
    popIndent();
  }

  private Style requestedStyle(Scalar s) {
    if (!s.string()) {
      return Style.PLAIN;
    }
    String text = s.text();
    if (text.contains("\n")) {
      return Style.LITERAL;
    }
    boolean canUsePlain = dialect == Dialect.V2
        ? YamlScalars.resolve(text).tag() == YamlScalars.Tag.STR && !YamlScalars.isBase60Float(text)
        : GoYaml.resolveV3(text) == YamlScalars.Tag.STR
            && !(YamlScalars.isBase60Float(text) || YamlScalars.isOldBool(text));
    return canUsePlain ? Style.PLAIN : Style.DOUBLE;
  }

  private static final class Analysis {
    boolean multiline;
    boolean blockPlainAllowed;
    boolean singleQuotedAllowed;
    boolean blockAllowed;
  }

  static boolean isBreak(int c) {
    return c == '\r' || c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029;
  }

  private static boolean isBlankz(int c) {
    return c == ' ' || c == '\t' || c == 0 || isBreak(c);
  }

  /** libyaml's is_printable, by code point. */
  static boolean isPrintable(int c) {
    return c == 0x0A
        || (c >= 0x20 && c <= 0x7E)
        || (c >= 0xA0 && c <= 0xD7FF)
        || (c >= 0xE000 && c <= 0xFFFD && c != 0xFEFF);
  }

  /** libyaml's yaml_emitter_analyze_scalar (block context only: we never write flow scalars). */
  private static Analysis analyze(String value) {
    Analysis a = new Analysis();
    if (value.isEmpty()) {
      a.multiline = false;
      a.blockPlainAllowed = true;
      a.singleQuotedAllowed = true;
      a.blockAllowed = false;
      return a;
    }
    int[] cps = value.codePoints().toArray();
    boolean blockIndicators = false;
    boolean flowIndicators = false;
    boolean lineBreaks = false;
    boolean specialCharacters = false;
    boolean leadingSpace = false;
    boolean leadingBreak = false;
    boolean trailingSpace = false;
    boolean trailingBreak = false;
    boolean breakSpace = false;
    boolean spaceBreak = false;
    boolean previousSpace = false;
    boolean previousBreak = false;
    if (value.startsWith("---") || value.startsWith("...")) {
      blockIndicators = true;
      flowIndicators = true;
    }
    boolean precededByWhitespace = true;
    boolean followedByWhitespace = isBlankz(cps.length > 1 ? cps[1] : 0);
    for (int i = 0; i < cps.length; i++) {
      int c = cps[i];
      boolean first = i == 0;
      boolean last = i == cps.length - 1;
      if (first) {
        switch (c) {
          case '#', ',', '[', ']', '{', '}', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`' -> {
            flowIndicators = true;
            blockIndicators = true;
          }
          case '?', ':' -> {
            flowIndicators = true;
            if (followedByWhitespace) {
              blockIndicators = true;
            }
          }
          case '-' -> {
            if (followedByWhitespace) {
              flowIndicators = true;
              blockIndicators = true;
            }
          }
          default -> { }
        }
      } else {
        switch (c) {
          case ',', '?', '[', ']', '{', '}' -> flowIndicators = true;
          case ':' -> {
            flowIndicators = true;
            if (followedByWhitespace) {
              blockIndicators = true;
            }
          }
          case '#' -> {
            if (precededByWhitespace) {
              flowIndicators = true;
              blockIndicators = true;
            }
          }
          default -> { }
        }
      }
      if (!isPrintable(c)) {
        specialCharacters = true;
      }
      if (isBreak(c)) {
        lineBreaks = true;
      }
      if (c == ' ') {
        if (first) {
          leadingSpace = true;
        }
        if (last) {
          trailingSpace = true;
        }
        if (previousBreak) {
          breakSpace = true;
        }
        previousSpace = true;
        previousBreak = false;
      } else if (isBreak(c)) {
        if (first) {
          leadingBreak = true;
        }
        if (last) {
          trailingBreak = true;
        }
        if (previousSpace) {
          spaceBreak = true;
        }
        previousBreak = true;
        previousSpace = false;
      } else {
        previousSpace = false;
        previousBreak = false;
      }
      precededByWhitespace = isBlankz(c);
      followedByWhitespace = isBlankz(i + 2 < cps.length ? cps[i + 2] : 0);
    }
    a.multiline = lineBreaks;
    a.blockPlainAllowed = true;
    a.singleQuotedAllowed = true;
    a.blockAllowed = true;
    if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
      a.blockPlainAllowed = false;
    }
    if (trailingSpace) {
      a.blockAllowed = false;
    }
    if (breakSpace) {
      a.blockPlainAllowed = false;
      a.singleQuotedAllowed = false;
    }
    if (spaceBreak || specialCharacters) {
      a.blockPlainAllowed = false;
      a.singleQuotedAllowed = false;
      a.blockAllowed = false;
    }
    if (lineBreaks) {
      a.blockPlainAllowed = false;
    }
    if (blockIndicators) {
      a.blockPlainAllowed = false;
    }
    return a;
  }

  // --- low-level writing, as libyaml tracks it ---

  private void put(char c) {
    out.append(c);
    column++;
  }

  private void putBreak() {
    out.append('\n');
    column = 0;
  }

  private void writeCodePoint(int c) {
    out.appendCodePoint(c);
    column++;
  }

  /** A line break inside a scalar: '\n' as a newline, other breaks written as themselves. */
  private void writeBreak(int c) {
    if (c == '\n') {
      putBreak();
    } else {
      out.appendCodePoint(c);
      column = 0;
    }
  }

  private void writeIndent() {
    int target = Math.max(indent, 0);
    if (!indention || column > target || (column == target && !whitespace)) {
      putBreak();
    }
    while (column < target) {
      put(' ');
    }
    whitespace = true;
    indention = true;
  }

  private void writeIndicator(String indicator, boolean needWhitespace, boolean isWhitespace, boolean isIndention) {
    if (needWhitespace && !whitespace) {
      put(' ');
    }
    out.append(indicator);
    column += indicator.length();
    whitespace = isWhitespace;
    indention = indention && isIndention;
  }

  private void writePlain(String value, boolean allowBreaks) {
    if (!value.isEmpty() && !whitespace) {
      put(' ');
    }
    int[] cps = value.codePoints().toArray();
    boolean spaces = false;
    boolean breaks = false;
    for (int i = 0; i < cps.length; i++) {
      int c = cps[i];
      if (c == ' ') {
        boolean nextIsSpace = i + 1 < cps.length && cps[i + 1] == ' ';
        if (allowBreaks && !spaces && column > bestWidth && !nextIsSpace) {
          writeIndent();
        } else {
          writeCodePoint(c);
        }
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c == '\n') {
          putBreak();
        }
        writeBreak(c);
        indention = true;
        breaks = true;
      } else {
        if (breaks) {
          writeIndent();
        }
        writeCodePoint(c);
        indention = false;
        spaces = false;
        breaks = false;
      }
    }
    whitespace = false;
    indention = false;
  }

  private void writeSingleQuoted(String value, boolean allowBreaks) {
    writeIndicator("'", true, false, false);
    int[] cps = value.codePoints().toArray();
    boolean spaces = false;
    boolean breaks = false;
    for (int i = 0; i < cps.length; i++) {
      int c = cps[i];
      if (c == ' ') {
        if (allowBreaks && !spaces && column > bestWidth && i != 0 && i != cps.length - 1
            && cps[i + 1] != ' ') {
          writeIndent();
        } else {
          writeCodePoint(c);
        }
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c == '\n') {
          putBreak();
        }
        writeBreak(c);
        indention = true;
        breaks = true;
      } else {
        if (breaks) {
          writeIndent();
        }
        if (c == '\'') {
          put('\'');
        }
        writeCodePoint(c);
        indention = false;
        spaces = false;
        breaks = false;
      }
    }
    writeIndicator("'", false, false, false);
    whitespace = false;
    indention = false;
  }

  private void writeDoubleQuoted(String value, boolean allowBreaks) {
    writeIndicator("\"", true, false, false);
    int[] cps = value.codePoints().toArray();
    boolean spaces = false;
    for (int i = 0; i < cps.length; i++) {
      int c = cps[i];
      if (!isPrintable(c) || c == 0xFEFF || isBreak(c) || c == '"' || c == '\\') {
        put('\\');
        switch (c) {
          case 0x00 -> put('0');
          case 0x07 -> put('a');
          case 0x08 -> put('b');
          case 0x09 -> put('t');
          case 0x0A -> put('n');
          case 0x0B -> put('v');
          case 0x0C -> put('f');
          case 0x0D -> put('r');
          case 0x1B -> put('e');
          case '"' -> put('"');
          case '\\' -> put('\\');
          case 0x85 -> put('N');
          case 0xA0 -> put('_');
          case 0x2028 -> put('L');
          case 0x2029 -> put('P');
          default -> {
            String hex;
            if (c <= 0xFF) {
              put('x');
              hex = String.format("%02X", c);
            } else if (c <= 0xFFFF) {
              put('u');
              hex = String.format("%04X", c);
            } else {
              put('U');
              hex = String.format("%08X", c);
            }
            for (char h : hex.toCharArray()) {
              put(h);
            }
          }
        }
        spaces = false;
      } else if (c == ' ') {
        if (allowBreaks && !spaces && column > bestWidth && i != 0 && i != cps.length - 1) {
          writeIndent();
          if (cps[i + 1] == ' ') {
            put('\\');
          }
        } else {
          writeCodePoint(c);
        }
        spaces = true;
      } else {
        writeCodePoint(c);
        spaces = false;
      }
    }
    writeIndicator("\"", false, false, false);
    whitespace = false;
    indention = false;
  }

  private void writeLiteral(String value) {
    writeIndicator("|", true, false, false);
    int[] cps = value.codePoints().toArray();
    if (cps.length > 0 && (cps[0] == ' ' || isBreak(cps[0]))) {
      writeIndicator(Integer.toString(BEST_INDENT), false, false, false);
    }
    String chomp = null;
    if (cps.length == 0) {
      chomp = "-";
    } else if (!isBreak(cps[cps.length - 1])) {
      chomp = "-";
    } else if (cps.length == 1 || isBreak(cps[cps.length - 2])) {
      chomp = "+";
    }
    if (chomp != null) {
      writeIndicator(chomp, false, false, false);
    }
    putBreak();
    indention = true;
    whitespace = true;
    boolean breaks = true;
    for (int c : cps) {
      if (isBreak(c)) {
        writeBreak(c);
        indention = true;
        breaks = true;
      } else {
        if (breaks) {
          writeIndent();
          breaks = false;
        }
        writeCodePoint(c);
        indention = false;
      }
    }
  }
}
