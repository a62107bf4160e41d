package io.ocihelm.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Chart metadata (the Helm config JSON) printed as {@code helm show chart} prints it: through
 * sigs.k8s.io/yaml, i.e. go-yaml v2 with sorted keys, indentless sequences, strings quoted only when
 * they would read back as something else, and plain/single-quoted scalars folded past column 80.
 * Covers what Chart.yaml holds (strings, booleans, lists, maps); multi-line strings are printed
 * double-quoted, where Helm would use a literal block.
 */
final class MetadataYaml {
  private static final int BEST_WIDTH = 80;
  private static final Pattern BOOL_OR_NULL = Pattern.compile(
      "y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|~|null|Null|NULL"
          + "|[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN)");
  private static final Pattern NUMBER = Pattern.compile(
      "[-+]?(0b[01_]+|0o?[0-7_]+|0x[0-9a-fA-F_]+|[0-9][0-9_]*)"
          + "|[-+]?([0-9][0-9_]*)?\\.?[0-9_]*([eE][-+]?[0-9]+)?");
  private static final Pattern BASE60 = Pattern.compile("[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\\.[0-9_]*)?");
  private static final Pattern TIMESTAMP = Pattern.compile(
      "\\d{4}-\\d{1,2}-\\d{1,2}(?:[Tt ]\\d{1,2}:\\d{1,2}:\\d{1,2}(?:\\.\\d*)?(?:Z|[-+]\\d{2}:\\d{2})?)?");

  private MetadataYaml() {}

  static String write(JsonNode node) {
    StringBuilder out = new StringBuilder();
    mapping(out, node, 0, false);
    return out.toString();
  }

  private static void mapping(StringBuilder out, JsonNode node, int indent, boolean firstInlined) {
    Map<String, JsonNode> sorted = new TreeMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      sorted.put(e.getKey(), e.getValue());
    }
    boolean first = true;
    for (Map.Entry<String, JsonNode> e : sorted.entrySet()) {
      if (!(first && firstInlined)) {
        out.append(" ".repeat(indent));
      }
      first = false;
      String key = scalar(e.getKey(), indent, indent);
      out.append(key).append(':');
      value(out, e.getValue(), indent, indent + key.length() + 2);
    }
  }

  /** Writes a mapping value after "key:"; {@code column} is where an inline scalar starts. */
  private static void value(StringBuilder out, JsonNode v, int indent, int column) {
    if (v.isObject() && v.size() > 0) {
      out.append('\n');
      mapping(out, v, indent + 2, false);
    } else if (v.isArray() && v.size() > 0) {
      out.append('\n');
      sequence(out, v, indent);
    } else {
      out.append(' ').append(inline(v, indent + 2, column)).append('\n');
    }
  }

  // Helm compat: go-yaml v2 does not indent a sequence under its mapping key.
  private static void sequence(StringBuilder out, JsonNode list, int indent) {
    for (JsonNode item : list) {
      out.append(" ".repeat(indent)).append("- ");
      if (item.isObject() && item.size() > 0) {
        mapping(out, item, indent + 2, true);
      } else if (item.isArray() && item.size() > 0) {
        out.append('\n');
        sequence(out, item, indent + 2);
      } else {
        out.append(inline(item, indent + 2, indent + 2)).append('\n');
      }
    }
  }

  private static String inline(JsonNode v, int continuationIndent, int column) {
    if (v.isObject()) {
      return "{}";
    }
    if (v.isArray()) {
      return "[]";
    }
    if (v.isNull()) {
      return "null";
    }
    if (v.isBoolean() || v.isNumber()) {
      return v.asText();
    }
    return scalar(v.asText(), continuationIndent, column);
  }

  static String scalar(String s, int continuationIndent, int column) {
    if (s.isEmpty() || readsAsOtherType(s) || s.indexOf('\n') >= 0 || hasSpecialCharacters(s)) {
      return doubleQuoted(s);
    }
    if (plainAllowed(s)) {
      return fold(s, continuationIndent, column, false);
    }
    return fold("'" + s.replace("'", "''") + "'", continuationIndent, column, true);
  }

  private static boolean readsAsOtherType(String s) {
    if (BOOL_OR_NULL.matcher(s).matches()) {
      return true;
    }
    char c = s.charAt(0);
    boolean numberHint = (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.';
    if (!numberHint) {
      return false;
    }
    if (NUMBER.matcher(s).matches() && s.chars().anyMatch(Character::isDigit)) {
      return true;
    }
    return BASE60.matcher(s).matches() || TIMESTAMP.matcher(s).matches();
  }

  private static boolean hasSpecialCharacters(String s) {
    return s.chars().anyMatch(ch -> ch < 0x20 || ch == 0x7f || (ch >= 0x80 && ch < 0xa0) || ch == 0xfeff);
  }

  private static boolean plainAllowed(String s) {
    char first = s.charAt(0);
    if ("#,[]{}&*!|>'\"%@`".indexOf(first) >= 0) {
      return false;
    }
    if ((first == '-' || first == '?' || first == ':') && (s.length() == 1 || s.charAt(1) == ' ')) {
      return false;
    }
    if (s.startsWith("---") || s.startsWith("...")) {
      return false;
    }
    if (s.startsWith(" ") || s.endsWith(" ") || s.endsWith(":")) {
      return false;
    }
    return !s.contains(": ") && !s.contains(" #");
  }

  /** go-yaml v2 breaks a plain or single-quoted scalar at a single space once past column 80. */
  private static String fold(String s, int indent, int startColumn, boolean quoted) {
    StringBuilder out = new StringBuilder();
    int column = startColumn;
    boolean previousSpace = false;
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      if (ch == ' ') {
        boolean nextIsSpace = i + 1 < s.length() && s.charAt(i + 1) == ' ';
        boolean edge = quoted && (i == 0 || i == s.length() - 1);
        if (!previousSpace && column > BEST_WIDTH && !nextIsSpace && !edge) {
          out.append('\n').append(" ".repeat(indent));
          column = indent;
        } else {
          out.append(ch);
          column++;
        }
        previousSpace = true;
      } else {
        out.append(ch);
        column++;
        previousSpace = false;
      }
    }
    return out.toString();
  }

  private static String doubleQuoted(String s) {
    StringBuilder out = new StringBuilder("\"");
    for (int i = 0; i < s.length(); i++) {
      char ch = s.charAt(i);
      switch (ch) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '\r' -> out.append("\\r");
        default -> {
          if (ch < 0x20) {
            out.append(String.format("\\x%02X", (int) ch));
          } else {
            out.append(ch);
          }
        }
      }
    }
    return out.append('"').toString();
  }

}
