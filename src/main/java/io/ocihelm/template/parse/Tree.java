package io.ocihelm.template.parse;

/**
 * One parsed template: its name, the name of the file (or tpl text) it was parsed from, which Go
 * calls {@code ParseName} and uses in error locations, the root list, and the source text, so an
 * error can turn a node's offset into {@code line:col}.
 */
public record Tree(String name, String parseName, Node.ListNode root, String text) {

  /** Go's {@code ErrorContext} location: {@code parseName:line:col}, col counted in UTF-8 bytes. */
  public String location(Node node) {
    int pos = Math.min(node.pos(), text.length());
    int lastNewline = text.lastIndexOf('\n', pos - 1);
    int line = 1;
    for (int i = 0; i < pos; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    int col = utf8Length(text, lastNewline + 1, pos);
    if (lastNewline < 0) {
      col = utf8Length(text, 0, pos);
    }
    return parseName + ":" + line + ":" + col;
  }

  private static int utf8Length(String s, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        n++;
      } else if (c < 0x800) {
        n += 2;
      } else if (Character.isHighSurrogate(c)) {
        n += 4;
        i++;
      } else {
        n += 3;
      }
    }
    return n;
  }

  /** Go's {@code parse.IsEmptyTree}: only white space text and comments. */
  public static boolean isEmpty(Node node) {
    return switch (node) {
      case null -> true;
      case Node.CommentNode c -> true;
      case Node.ListNode l -> l.nodes().stream().allMatch(Tree::isEmpty);
      case Node.TextNode t -> t.text().strip().isEmpty() && isGoSpaceOnly(t.text());
      default -> false;
    };
  }

  private static boolean isGoSpaceOnly(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isWhitespace(s.charAt(i)) && s.charAt(i) != 0x85 && s.charAt(i) != 0xA0) {
        return false;
      }
    }
    return true;
  }
}
