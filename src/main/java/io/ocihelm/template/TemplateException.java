package io.ocihelm.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A template failed to parse or execute. {@link #goMessage()} is Go's {@code err.Error()} text
 * ({@code template: NAME:LINE:COL: executing "NAME" at <.x>: ...}); {@link #getMessage()} is that
 * error as Helm 4 prints it, after its rewriting ({@code pkg/engine}: {@code parse error at (...)},
 * {@code execution error at (...)} for fail/required, the multi-line trace form, or Go's raw text
 * when Helm cannot read the chain). Execution errors keep Go's {@code errors.Unwrap} chain (the
 * texts, outermost first), because Helm's rewriting walks it.
 */
public final class TemplateException extends RuntimeException {
  /** What failed. */
  public enum Kind {
    /** A syntax error found by the parser. */
    PARSE,
    /** A Go {@code template.ExecError}. */
    EXECUTION,
    /** Any other error (e.g. an unknown template name), passed through by Helm unchanged. */
    OTHER,
    /** A safety limit of ours (depth, output size, steps, time) was exceeded. */
    LIMIT
  }

  /** Helm's markers around {@code fail}/{@code required} messages ({@code warnWrap}). */
  public static final String HELM_ERR_START = "HELM_ERR_START";
  public static final String HELM_ERR_END = "HELM_ERR_END";

  private static final Pattern WARN = Pattern.compile(HELM_ERR_START + "((?s).*)" + HELM_ERR_END);
  private static final Pattern EXEC_ERR =
      Pattern.compile("^template: (.+?): executing (.+?) at (.+?): (.+?)( template:.*)?$");
  private static final Pattern EXEC_ERR_WITHOUT_TEMPLATE =
      Pattern.compile("^template: (.+?): (.*)( template:.*)?$");
  private static final Pattern NO_TEMPLATE_ASSOCIATED =
      Pattern.compile("^template: no template (.*) associated with template (.*)$");

  private final Kind kind;
  private final String file;
  private final String goMessage;
  private final List<String> unwrapChain;

  private TemplateException(Kind kind, String file, String goMessage, List<String> unwrapChain, String helmMessage) {
    super(helmMessage, null, false, false);
    this.kind = kind;
    this.file = file;
    this.goMessage = goMessage;
    this.unwrapChain = List.copyOf(unwrapChain);
  }

  /** A parse error of {@code file}; {@code goMessage} is {@code template: NAME:LINE: msg}. */
  public static TemplateException parse(String file, String goMessage) {
    return new TemplateException(Kind.PARSE, file, goMessage, List.of(goMessage), cleanupParseError(file, goMessage));
  }

  /**
   * An execution error while rendering {@code file}. {@code unwrapChain} is the text of each error
   * of Go's unwrap chain, starting with this error itself.
   */
  public static TemplateException execution(String file, String goMessage, List<String> unwrapChain) {
    return new TemplateException(Kind.EXECUTION, file, goMessage, unwrapChain,
        cleanupExecError(file, goMessage, unwrapChain));
  }

  /** An error that is not an ExecError; Helm prints it as it is. */
  public static TemplateException other(String file, String goMessage) {
    return new TemplateException(Kind.OTHER, file, goMessage, List.of(goMessage), goMessage);
  }

  /** A safety limit was exceeded; the message says which and where. */
  public static TemplateException limit(String file, String message) {
    return new TemplateException(Kind.LIMIT, file, message, List.of(message), message);
  }

  /** {@code msg} wrapped the way Helm's {@code fail} and {@code required} wrap it. */
  public static String helmWarning(String msg) {
    return HELM_ERR_START + msg + HELM_ERR_END;
  }

  public Kind kind() {
    return kind;
  }

  /** The template file being rendered when this happened. */
  public String file() {
    return file;
  }

  /** Go's error text, before Helm's rewriting (what a wrapping Go error would quote). */
  public String goMessage() {
    return goMessage;
  }

  /** Go's unwrap chain, outermost first (starts with {@link #goMessage()}). */
  public List<String> unwrapChain() {
    return unwrapChain;
  }

  // Helm compat: pkg/engine cleanupParseError keeps the location and the last ": " part.
  static String cleanupParseError(String file, String goMessage) {
    String[] tokens = goMessage.split(": ", -1);
    if (tokens.length == 1) {
      return "parse error in (" + file + "): " + goMessage;
    }
    return "parse error at (" + tokens[1] + "): " + tokens[tokens.length - 1];
  }

  private record TraceableError(String location, String message, String executedFunction) {
    @Override
    public String toString() {
      StringBuilder b = new StringBuilder();
      if (!location.isEmpty()) {
        b.append(location).append("\n  ");
      }
      if (!executedFunction.isEmpty()) {
        b.append(executedFunction).append("\n    ");
      }
      if (!message.isEmpty()) {
        b.append(message).append('\n');
      }
      return b.toString();
    }
  }

  // Helm compat: pkg/engine cleanupExecError (fail/required form, trace form, else Go's text).
  static String cleanupExecError(String file, String goMessage, List<String> chain) {
    String[] tokens = goMessage.split(": ", 3);
    if (tokens.length != 3) {
      return "execution error in (" + file + "): " + goMessage;
    }
    Matcher warn = WARN.matcher(tokens[2]);
    if (warn.find()) {
      return "execution error at (" + tokens[1] + "): " + warn.group(1);
    }
    List<TraceableError> locations = new ArrayList<>();
    for (String text : chain) {
      TraceableError t = parseExecErrorString(text);
      if (t == null) {
        return goMessage;
      }
      if (locations.isEmpty() || !Objects.equals(locations.get(locations.size() - 1), t)) {
        locations.add(t);
      }
    }
    String prev = "";
    for (int i = locations.size() - 1; i >= 0; i--) {
      String current = locations.get(i).message();
      if (i == locations.size() - 1) {
        prev = current;
        continue;
      }
      if (current.contains(prev)) {
        TraceableError t = locations.get(i);
        locations.set(i, new TraceableError(t.location(), "", t.executedFunction()));
      } else {
        prev = current;
      }
    }
    StringBuilder b = new StringBuilder();
    locations.forEach(b::append);
    return b.toString().strip();
  }

  private static TraceableError parseExecErrorString(String s) {
    Matcher m = EXEC_ERR.matcher(s);
    if (m.matches()) {
      return new TraceableError(m.group(1), m.group(4), "executing " + m.group(2) + " at " + m.group(3) + ":");
    }
    m = EXEC_ERR_WITHOUT_TEMPLATE.matcher(s);
    if (m.matches()) {
      return new TraceableError(m.group(1), m.group(2), "");
    }
    m = NO_TEMPLATE_ASSOCIATED.matcher(s);
    if (m.matches()) {
      return new TraceableError("", s, "");
    }
    return null;
  }
}
