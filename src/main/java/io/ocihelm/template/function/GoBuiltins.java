package io.ocihelm.template.function;

import io.ocihelm.template.fmt.GoStrconv;

import io.ocihelm.template.exec.ValuePrinter;
import java.nio.charset.StandardCharsets;

/**
 * Go text/template's own functions that the engine provides: and, or, not, len, index, call (they
 * work on Go's reflect.Values, so the executor evaluates them itself; see {@link Reflective}) and
 * the escapers html, js, urlquery. {@code print*} and the comparisons live in their own families;
 * {@code slice} is Sprig's in Helm.
 */
public final class GoBuiltins {
  private GoBuiltins() {}

  /**
   * Builtins whose Go parameters are {@code reflect.Value}: the executor recognises these bodies and
   * evaluates them with its own value states (no value / nil interface / value), short-circuiting
   * and/or. Calling them as ordinary functions is a programming error.
   */
  public enum Reflective implements TemplateFunction {
    AND, OR, NOT, LEN, INDEX, CALL;

    @Override
    public Object call(CallContext context, Object[] args) {
      throw new UnsupportedOperationException(name().toLowerCase() + " is evaluated by the executor");
    }
  }

  public static void register(FunctionRegistry registry) {
    registry.register("and", FunctionSignature.variadic(GoType.ANY, GoType.ANY), Reflective.AND);
    registry.register("or", FunctionSignature.variadic(GoType.ANY, GoType.ANY), Reflective.OR);
    registry.register("not", FunctionSignature.of(GoType.ANY), Reflective.NOT);
    registry.register("len", FunctionSignature.of(GoType.ANY), Reflective.LEN);
    registry.register("index", FunctionSignature.variadic(GoType.ANY, GoType.ANY), Reflective.INDEX);
    registry.register("call", FunctionSignature.variadic(GoType.ANY, GoType.ANY), Reflective.CALL);
    registry.register("html", FunctionSignature.variadic(GoType.ANY), (ctx, args) -> htmlEscape(evalArgs(args)));
    registry.register("js", FunctionSignature.variadic(GoType.ANY), (ctx, args) -> jsEscape(evalArgs(args)));
    registry.register("urlquery", FunctionSignature.variadic(GoType.ANY), (ctx, args) -> queryEscape(evalArgs(args)));
  }

  /** Go's evalArgs: a lone string as is, otherwise Sprint with nil shown as {@code <no value>}. */
  static String evalArgs(Object[] args) {
    if (args.length == 1 && args[0] instanceof String s) {
      return s;
    }
    Object[] printable = new Object[args.length];
    for (int i = 0; i < args.length; i++) {
      printable[i] = args[i] == null ? "<no value>" : args[i];
    }
    return ValuePrinter.sprint(printable);
  }

  /** Go's {@code template.HTMLEscapeString}. */
  public static String htmlEscape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> b.append("&#34;");
        case '\'' -> b.append("&#39;");
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case 0 -> b.append('\uFFFD');
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** Go's {@code template.JSEscapeString}. */
  public static String jsEscape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    final String hex = "0123456789ABCDEF";
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (c < 0x80) {
        switch (c) {
          case '\\' -> b.append("\\\\");
          case '\'' -> b.append("\\'");
          case '"' -> b.append("\\\"");
          case '<' -> b.append("\\u003C");
          case '>' -> b.append("\\u003E");
          case '&' -> b.append("\\u0026");
          case '=' -> b.append("\\u003D");
          default -> {
            if (c < ' ') {
              b.append("\\u00").append(hex.charAt(c >> 4)).append(hex.charAt(c & 0xf));
            } else {
              b.append((char) c);
            }
          }
        }
      } else if (GoStrconv.isPrint(c)) {
        b.appendCodePoint(c);
      } else {
        b.append(String.format("\\u%04X", c));
      }
    }
    return b.toString();
  }

  /** Go's {@code url.QueryEscape}. */
  public static String queryEscape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    final String hex = "0123456789ABCDEF";
    for (byte raw : s.getBytes(StandardCharsets.UTF_8)) {
      int c = raw & 0xff;
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-' || c == '_' || c == '.' || c == '~') {
        b.append((char) c);
      } else if (c == ' ') {
        b.append('+');
      } else {
        b.append('%').append(hex.charAt(c >> 4)).append(hex.charAt(c & 0xf));
      }
    }
    return b.toString();
  }
}
