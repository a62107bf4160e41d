package io.ocihelm.template.parse;

import io.ocihelm.template.function.FunctionRegistry;
import java.util.List;

/**
 * The parse tree: a closed set of immutable node records, each with its position (a char offset
 * into the template text), as Go's {@code parse/node.go}. Nodes never execute themselves; {@link
 * #toString()} prints a node back as source, which is what Go's error messages quote ({@code at
 * <.Values.x>}).
 */
public sealed interface Node {
  int pos();

  /** A sequence of nodes. */
  record ListNode(int pos, List<Node> nodes) implements Node {
    public ListNode {
      nodes = List.copyOf(nodes);
    }

    @Override
    public String toString() {
      StringBuilder b = new StringBuilder();
      nodes.forEach(b::append);
      return b.toString();
    }
  }

  /** Plain text outside actions. */
  record TextNode(int pos, String text) implements Node {
    @Override
    public String toString() {
      return text;
    }
  }

  /** A comment; kept out of the tree by the lexer, present for completeness. */
  record CommentNode(int pos, String text) implements Node {
    @Override
    public String toString() {
      return "{{" + text + "}}";
    }
  }

  /** An action that prints its pipeline's value unless it declares variables. */
  record ActionNode(int pos, int line, PipeNode pipe) implements Node {
    @Override
    public String toString() {
      return "{{" + pipe + "}}";
    }
  }

  /** {@code $x := cmd | cmd}: optional declarations (or assignments) and commands. */
  record PipeNode(int pos, int line, boolean isAssign, List<VariableNode> decl, List<CommandNode> cmds)
      implements Node {
    public PipeNode {
      decl = List.copyOf(decl);
      cmds = List.copyOf(cmds);
    }

    @Override
    public String toString() {
      StringBuilder b = new StringBuilder();
      if (!decl.isEmpty()) {
        for (int i = 0; i < decl.size(); i++) {
          if (i > 0) {
            b.append(", ");
          }
          b.append(decl.get(i));
        }
        b.append(isAssign ? " = " : " := ");
      }
      for (int i = 0; i < cmds.size(); i++) {
        if (i > 0) {
          b.append(" | ");
        }
        b.append(cmds.get(i));
      }
      return b.toString();
    }
  }

  /** One command: an operand followed by arguments. */
  record CommandNode(int pos, List<Node> args) implements Node {
    public CommandNode {
      args = List.copyOf(args);
    }

    @Override
    public String toString() {
      StringBuilder b = new StringBuilder();
      for (int i = 0; i < args.size(); i++) {
        if (i > 0) {
          b.append(' ');
        }
        Node arg = args.get(i);
        if (arg instanceof PipeNode) {
          b.append('(').append(arg).append(')');
        } else {
          b.append(arg);
        }
      }
      return b.toString();
    }
  }

  /**
   * A function name, resolved against the registry when parsed (so execution does no lookup).
   * {@code function} is null only when the parser was told to skip function checks.
   */
  record IdentifierNode(int pos, String ident, FunctionRegistry.Function function) implements Node {
    @Override
    public String toString() {
      return ident;
    }
  }

  /** {@code $x} or {@code $x.a.b}: ident[0] is the variable. */
  record VariableNode(int pos, List<String> ident) implements Node {
    public VariableNode {
      ident = List.copyOf(ident);
    }

    @Override
    public String toString() {
      return String.join(".", ident);
    }
  }

  /** The cursor, {@code .}. */
  record DotNode(int pos) implements Node {
    @Override
    public String toString() {
      return ".";
    }
  }

  /** The untyped {@code nil} constant. */
  record NilNode(int pos) implements Node {
    @Override
    public String toString() {
      return "nil";
    }
  }

  /** {@code .a.b.c}. */
  record FieldNode(int pos, List<String> ident) implements Node {
    public FieldNode {
      ident = List.copyOf(ident);
    }

    @Override
    public String toString() {
      StringBuilder b = new StringBuilder();
      ident.forEach(id -> b.append('.').append(id));
      return b.toString();
    }
  }

  /** {@code (pipe).a.b}: fields applied to a term that is not a field or variable. */
  record ChainNode(int pos, Node node, List<String> field) implements Node {
    public ChainNode {
      field = List.copyOf(field);
    }

    @Override
    public String toString() {
      StringBuilder b = new StringBuilder();
      if (node instanceof PipeNode) {
        b.append('(').append(node).append(')');
      } else {
        b.append(node);
      }
      field.forEach(f -> b.append('.').append(f));
      return b.toString();
    }
  }

  /** {@code true} / {@code false}. */
  record BoolNode(int pos, boolean value) implements Node {
    @Override
    public String toString() {
      return value ? "true" : "false";
    }
  }

  /**
   * A numeric constant with every interpretation Go's parser found valid ({@code newNumber}): a
   * constant can be an int, a uint, a float (and a complex) at once; the executor picks by context.
   */
  record NumberNode(int pos, String text, boolean isInt, boolean isUint, boolean isFloat,
      boolean isComplex, long int64, long uint64, double float64, double real, double imag)
      implements Node {
    @Override
    public String toString() {
      return text;
    }
  }

  /** A string constant: {@code quoted} is the source spelling, {@code text} the value. */
  record StringNode(int pos, String quoted, String text) implements Node {
    @Override
    public String toString() {
      return quoted;
    }
  }

  /** {@code {{if pipe}} list {{else}} elseList {{end}}}. */
  record IfNode(int pos, int line, PipeNode pipe, ListNode list, ListNode elseList) implements Node {
    @Override
    public String toString() {
      return branchString("if", pipe, list, elseList);
    }
  }

  /** {@code {{range pipe}} list {{else}} elseList {{end}}}. */
  record RangeNode(int pos, int line, PipeNode pipe, ListNode list, ListNode elseList) implements Node {
    @Override
    public String toString() {
      return branchString("range", pipe, list, elseList);
    }
  }

  /** {@code {{with pipe}} list {{else}} elseList {{end}}}. */
  record WithNode(int pos, int line, PipeNode pipe, ListNode list, ListNode elseList) implements Node {
    @Override
    public String toString() {
      return branchString("with", pipe, list, elseList);
    }
  }

  /** {@code {{template "name" pipe}}}; {@code pipe} may be null. */
  record TemplateNode(int pos, int line, String name, PipeNode pipe) implements Node {
    @Override
    public String toString() {
      return pipe == null
          ? "{{template " + GoQuote.quote(name) + "}}"
          : "{{template " + GoQuote.quote(name) + " " + pipe + "}}";
    }
  }

  /** {@code {{break}}}. */
  record BreakNode(int pos, int line) implements Node {
    @Override
    public String toString() {
      return "{{break}}";
    }
  }

  /** {@code {{continue}}}. */
  record ContinueNode(int pos, int line) implements Node {
    @Override
    public String toString() {
      return "{{continue}}";
    }
  }

  /** {@code {{end}}}: only seen by the parser. */
  record EndNode(int pos) implements Node {
    @Override
    public String toString() {
      return "{{end}}";
    }
  }

  /** {@code {{else}}}: only seen by the parser. */
  record ElseNode(int pos, int line) implements Node {
    @Override
    public String toString() {
      return "{{else}}";
    }
  }

  private static String branchString(String name, PipeNode pipe, ListNode list, ListNode elseList) {
    String s = "{{" + name + " " + pipe + "}}" + list;
    if (elseList != null) {
      s += "{{else}}" + elseList;
    }
    return s + "{{end}}";
  }
}
