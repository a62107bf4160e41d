package io.ocihelm.template.fmt;

/**
 * Go's {@code fmt.Sprint}, {@code fmt.Sprintf} and {@code fmt.Sprintln} over the {@linkplain
 * io.ocihelm.template.value values model}, byte for byte: verbs, flags, width and precision, argument
 * indexes, Go's {@code %!verb(type=value)} error forms, map keys in Go's sorted order, and floats
 * exactly as Go's {@code strconv} writes them.
 *
 * <p>This is the one seam through which templates print values: {@code {{ x }}} output goes through
 * {@link #formatValue}, the {@code print}/{@code printf}/{@code println} builtins through the others.
 */
public final class GoFmt {
  private GoFmt() {}

  /**
   * Go's {@code fmt.Sprint}: operands in their {@code %v} form, with a space between two operands
   * when neither is a string.
   */
  public static String sprint(Object... args) {
    if (args.length == 1) {
      // the common action output: one string or number, no flags to honour
      switch (args[0]) {
        case String s -> {
          return s;
        }
        case Long l -> {
          return Long.toString(l);
        }
        case Boolean b -> {
          return b.toString();
        }
        case Double d -> {
          return GoStrconv.formatFloat(d, 'g', -1);
        }
        case null, default -> {}
      }
    }
    Printer p = new Printer();
    p.doPrint(args);
    return p.result();
  }

  /** Go's {@code fmt.Sprintln}: operands in their {@code %v} form, space-separated, then a newline. */
  public static String sprintln(Object... args) {
    Printer p = new Printer();
    p.doPrintln(args);
    return p.result();
  }

  /** Go's {@code fmt.Sprintf}. */
  public static String sprintf(String format, Object... args) {
    Printer p = new Printer();
    p.doPrintf(format, args);
    return p.result();
  }

  /**
   * How an action {@code {{ x }}} prints its value (text/template's printValue): like {@link
   * #sprint} of the one value, except that nil prints as {@code <no value>}, because Go's
   * executor turns a nil interface result into an invalid value before printing it.
   */
  public static String formatValue(Object value) {
    if (value == null) {
      return "<no value>";
    }
    if (value instanceof String s) {
      return s;
    }
    return sprint(value);
  }
}
