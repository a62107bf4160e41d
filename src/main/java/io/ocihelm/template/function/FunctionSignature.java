package io.ocihelm.template.function;

import java.util.List;

/**
 * The Go signature of a template function: fixed parameters, then an optional variadic element
 * type ({@code ...interface {}}). Arity errors are Go's: "wrong number of args for NAME: want 2 got 3"
 * or "want at least 1 got 0" for variadic functions.
 */
public record FunctionSignature(List<GoType> parameters, GoType variadic) {
  public FunctionSignature {
    parameters = List.copyOf(parameters);
  }

  /** Fixed parameters only. */
  public static FunctionSignature of(GoType... parameters) {
    return new FunctionSignature(List.of(parameters), null);
  }

  /** Fixed parameters followed by {@code ...variadic}. */
  public static FunctionSignature variadic(GoType variadic, GoType... parameters) {
    return new FunctionSignature(List.of(parameters), variadic);
  }

  public boolean isVariadic() {
    return variadic != null;
  }
}
