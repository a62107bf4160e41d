package io.ocihelm.template.function;

/**
 * The one place that builds Helm 4's template function registry: Go's builtins, Sprig's families
 * and Helm's own functions, each family added by one line. Later layers override earlier ones on
 * purpose (Helm replaces some Sprig functions), and Helm removes {@code env} and {@code expandenv}.
 */
public final class TemplateFunctions {
  private TemplateFunctions() {}

  /** A fresh registry with every function Helm 4.1.4 offers templates. */
  public static FunctionRegistry helm() {
    FunctionRegistry registry = new FunctionRegistry();
    GoBuiltins.register(registry);
    // Families register here, one line each, e.g. StringFunctions.register(registry);
    // Helm compat: Helm deletes env and expandenv from Sprig's map (engine/funcs.go).
    registry.remove("env").remove("expandenv");
    return registry;
  }
}
