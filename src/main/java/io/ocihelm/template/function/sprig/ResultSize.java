package io.ocihelm.template.function.sprig;

import io.ocihelm.template.function.FunctionException;

/**
 * The largest string or list a Sprig function may build. Go would try (and Helm would run out of
 * memory on {@code until 1000000000} or {@code repeat 1000000000 "x"}); the operator renders
 * untrusted charts, so it fails such a call with a clear error instead. No real chart comes near it.
 */
final class ResultSize {
  /** Elements (list items or string characters) one call may produce. */
  static final long MAX_ELEMENTS = 16L * 1024 * 1024;

  private ResultSize() {}

  static void check(String function, double elements) {
    if (elements > MAX_ELEMENTS) {
      throw new FunctionException(function + ": result of " + (long) elements
          + " elements exceeds the render limit of " + MAX_ELEMENTS);
    }
  }
}
