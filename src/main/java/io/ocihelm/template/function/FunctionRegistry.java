package io.ocihelm.template.function;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The functions a template namespace can call, by name, with their Go signatures. Families
 * ({@code StringFunctions}, {@code ListFunctions}, ...) each register themselves; a name registered
 * twice is a programming error, so it fails at once rather than silently shadowing.
 */
public final class FunctionRegistry {
  /** A function with its name and signature. */
  public record Function(String name, FunctionSignature signature, TemplateFunction body) {}

  private final Map<String, Function> functions;

  public FunctionRegistry() {
    this.functions = new HashMap<>();
  }

  private FunctionRegistry(Map<String, Function> functions) {
    this.functions = new HashMap<>(functions);
  }

  /** An independent registry with the same functions (overriding the copy leaves this one as is). */
  public FunctionRegistry copy() {
    return new FunctionRegistry(functions);
  }

  public FunctionRegistry register(String name, FunctionSignature signature, TemplateFunction body) {
    if (functions.putIfAbsent(name, new Function(name, signature, body)) != null) {
      throw new IllegalStateException("template function registered twice: " + name);
    }
    return this;
  }

  /** Replaces (or adds) a function, for the layers that override on purpose (Helm over Sprig). */
  public FunctionRegistry override(String name, FunctionSignature signature, TemplateFunction body) {
    functions.put(name, new Function(name, signature, body));
    return this;
  }

  /** Removes a function, as Helm removes Sprig's {@code env} and {@code expandenv}. */
  public FunctionRegistry remove(String name) {
    functions.remove(name);
    return this;
  }

  public Optional<Function> lookup(String name) {
    return Optional.ofNullable(functions.get(name));
  }

  public boolean has(String name) {
    return functions.containsKey(name);
  }
}
