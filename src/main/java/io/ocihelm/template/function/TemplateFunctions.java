package io.ocihelm.template.function;

import io.ocihelm.template.function.helm.HelmFunctions;
import io.ocihelm.template.function.sprig.ConversionFunctions;
import io.ocihelm.template.function.sprig.CryptoFunctions;
import io.ocihelm.template.function.sprig.DateFunctions;
import io.ocihelm.template.function.sprig.DefaultFunctions;
import io.ocihelm.template.function.sprig.DictFunctions;
import io.ocihelm.template.function.sprig.EncodingFunctions;
import io.ocihelm.template.function.sprig.ListFunctions;
import io.ocihelm.template.function.sprig.MathFunctions;
import io.ocihelm.template.function.sprig.RandomFunctions;
import io.ocihelm.template.function.sprig.RegexFunctions;
import io.ocihelm.template.function.sprig.SemverFunctions;
import io.ocihelm.template.function.sprig.StringFunctions;
import io.ocihelm.template.function.sprig.StringListFunctions;
import io.ocihelm.template.function.sprig.UrlPathFunctions;

/**
 * The one place that builds Helm 4's template function registry: Go's builtins, Sprig's families
 * and Helm's own functions, each family added by one line. Later layers override earlier ones on
 * purpose (Helm replaces some Sprig functions), and Helm removes {@code env} and {@code expandenv}.
 */
public final class TemplateFunctions {
  private TemplateFunctions() {}

  /**
   * Every function Helm 4.1.4 offers templates, built once per JVM: registering ~200 functions per
   * render showed in the warm profile, and the functions themselves keep no state.
   */
  private static final class Built {
    static final FunctionRegistry HELM = build();
  }

  /** A fresh registry with every function Helm 4.1.4 offers templates (free to override). */
  public static FunctionRegistry helm() {
    return Built.HELM.copy();
  }

  private static FunctionRegistry build() {
    FunctionRegistry registry = new FunctionRegistry();
    GoBuiltins.register(registry);
    PrintFunctions.register(registry);
    ComparisonFunctions.register(registry);
    StringFunctions.register(registry);
    StringListFunctions.register(registry);
    MathFunctions.register(registry);
    ConversionFunctions.register(registry);
    DefaultFunctions.register(registry);
    ListFunctions.register(registry);
    DictFunctions.register(registry);
    EncodingFunctions.register(registry);
    RegexFunctions.register(registry);
    UrlPathFunctions.register(registry);
    RandomFunctions.register(registry);
    SemverFunctions.register(registry);
    DateFunctions.register(registry);
    CryptoFunctions.register(registry);
    HelmFunctions.register(registry);
    // Helm compat: Helm deletes env and expandenv from Sprig's map (engine/funcs.go).
    registry.remove("env").remove("expandenv");
    return registry;
  }
}
