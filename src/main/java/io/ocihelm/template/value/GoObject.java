package io.ocihelm.template.value;

import io.ocihelm.template.function.FunctionSignature;
import io.ocihelm.template.function.TemplateFunction;

/**
 * A Go struct or pointer that templates reach by field or method: {@code .Files}, {@code
 * .Capabilities}, {@code .Capabilities.KubeVersion}, Sprig's semver {@code *Version}, generated
 * certificates, ... The executor resolves {@code .Name} through {@link #member}, the way Go's
 * text/template tries a method first, then a field.
 */
public interface GoObject {
  /** The Go type name as {@code %T} prints it, e.g. {@code engine.files} or {@code *semver.Version}. */
  String goTypeName();

  /**
   * The reflect kind, as {@code kindOf} prints it: {@code ptr} for pointer types, {@code struct}
   * otherwise. Named maps and slices with methods ({@code engine.files} is a {@code
   * map[string][]byte}, {@code common.VersionSet} a {@code []string}) override it.
   */
  default String goKind() {
    return goTypeName().startsWith("*") ? "ptr" : "struct";
  }

  /** The field or method {@code name}, or {@code null} when the type has neither. */
  Member member(String name);

  /**
   * How {@code %v} / {@code print} show this value: Go calls {@code String()} when the type has
   * one, otherwise prints the struct as {@code {field1 field2}}.
   */
  String goString();

  /**
   * What Go's encoding/json makes of this value (its {@code MarshalJSON} result, or its exported
   * fields by name), as a values-model value; toJson/toYaml print this. An empty object by default.
   */
  default Object jsonValue() {
    return java.util.Map.of();
  }

  /** A field or method of a {@link GoObject}. */
  sealed interface Member {}

  /** A field; its value is read when the template evaluates it. */
  record Field(Object value) implements Member {}

  /** A method; called with the template's arguments like a function. */
  record Method(FunctionSignature signature, TemplateFunction function) implements Member {}
}
