package io.ocihelm.template.function;

/**
 * A template function's failure, i.e. the Go function returned a non-nil error or panicked. The
 * message is the Go error text only ("invalid syntax", ...); the executor adds the "error calling
 * NAME:" prefix and the position.
 */
public class FunctionException extends RuntimeException {
  public FunctionException(String goErrorText) {
    super(goErrorText, null, false, false);
  }

  public FunctionException(String goErrorText, Throwable cause) {
    super(goErrorText, cause, false, false);
  }
}
