package io.ocihelm.template.function;

/**
 * The Go parameter types that template functions declare. The executor converts and checks each
 * argument against its parameter type the way Go's text/template does with reflection: a constant
 * {@code 5} passed to a {@code string} parameter is "expected string; found 5", a {@code []interface
 * {}} value passed to it is "wrong type for value; expected string; got []interface {}", and a
 * function receives its arguments already in the Java type listed here.
 */
public enum GoType {
  /** {@code string}: the function receives a {@link String}. */
  STRING("string"),
  /** {@code int}: receives a {@link Long}. */
  INT("int"),
  /** {@code int64}: receives a {@link Long}. */
  INT64("int64"),
  /** {@code uint32}: receives a {@link Long}. */
  UINT32("uint32"),
  /** {@code float64}: receives a {@link Double}. */
  FLOAT64("float64"),
  /** {@code bool}: receives a {@link Boolean}. */
  BOOL("bool"),
  /** {@code interface {}}: receives the value as it is (may be null). */
  ANY("interface {}"),
  /** {@code []interface {}}: receives a {@link java.util.List}. */
  LIST("[]interface {}"),
  /** {@code []string}: receives a {@link io.ocihelm.template.value.GoSlice} of strings. */
  STRING_SLICE("[]string"),
  /** {@code map[string]interface {}}: receives a {@link java.util.Map} (a NamedMap is assignable). */
  MAP("map[string]interface {}"),
  /** {@code time.Time}: receives a {@link java.time.ZonedDateTime}. */
  TIME("time.Time");

  private final String goName;

  GoType(String goName) {
    this.goName = goName;
  }

  /** The Go spelling used in error messages, e.g. {@code interface {}}. */
  public String goName() {
    return goName;
  }
}
