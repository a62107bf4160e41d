/**
 * The values model: how Go values that templates see are represented in Java.
 *
 * <p>Helm's behaviour depends on Go's dynamic types ({@code %T}, {@code kindOf}, {@code eq} rules,
 * {@code reflect.DeepEqual} in {@code has}), so every Go type a chart can observe has exactly one
 * Java representation:
 *
 * <table>
 *   <tr><th>Go</th><th>Java</th></tr>
 *   <tr><td>nil (untyped / missing)</td><td>{@code null}</td></tr>
 *   <tr><td>string</td><td>{@link java.lang.String}</td></tr>
 *   <tr><td>bool</td><td>{@link java.lang.Boolean}</td></tr>
 *   <tr><td>int (template literals, len, atoi, int)</td><td>{@link java.lang.Long}</td></tr>
 *   <tr><td>int64 (Sprig math, int64, --set integers)</td><td>{@link Int64}</td></tr>
 *   <tr><td>float64 (every number from YAML/JSON values)</td><td>{@link java.lang.Double}</td></tr>
 *   <tr><td>[]interface {}</td><td>any {@link java.util.List} that is not a {@link GoSlice}</td></tr>
 *   <tr><td>[]string, []int</td><td>{@link GoSlice} with its element type</td></tr>
 *   <tr><td>[]uint8 ([]byte)</td><td>{@code byte[]}</td></tr>
 *   <tr><td>map[string]interface {}</td><td>any {@link java.util.Map} that is not a {@link NamedMap}</td></tr>
 *   <tr><td>map[string]string, common.Values, ...</td><td>{@link NamedMap} with its Go type name</td></tr>
 *   <tr><td>time.Time</td><td>{@link java.time.ZonedDateTime}</td></tr>
 *   <tr><td>structs and pointers with methods (.Files, .Capabilities, semver, certs)</td><td>{@link GoObject}</td></tr>
 * </table>
 *
 * <p>Maps keep insertion order in Java, but Go maps have none: whoever iterates or prints a map
 * (range, %v, toYaml, toJson, keys) sorts keys the way Go does. {@link GoTypes} answers type
 * questions (name, kind) in one place.
 */
package io.ocihelm.template.value;
