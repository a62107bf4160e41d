package io.ocihelm.assess;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Does the live object still hold every field we applied, with the value we applied? Desired ⊆
 * live: fields only the live object has (added by other managers, controllers, server defaults)
 * are not looked at; a field of ours that is missing or holds another value is a difference.
 *
 * <p>Values are compared the way the API server could have normalised them, so that a faithful
 * object is never reported: numbers by value ({@code 2} and {@code 2.0}), a number and its text
 * ({@code 1} and {@code "1"}, int-or-string fields), quantities by amount ({@code "0.5"} and
 * {@code "500m"}, {@code "1Gi"} and {@code "1024Mi"}), and Go's omitempty (an empty map, list or
 * string, {@code false} or {@code 0} we set may be absent live). What this comparison cannot
 * settle (a list longer live than ours: another manager's elements, or an atomic list replaced) is
 * still reported; {@link DriftDetector} confirms every difference with a server-side dry run.
 */
public final class FieldComparison {
  /** Keys that identify an element of a list of objects (containers by name, ports by number...). */
  private static final List<String> IDENTITY_KEYS =
      List.of("name", "containerPort", "port", "mountPath", "devicePath", "key", "ip", "type");

  private FieldComparison() {}

  /**
   * JSON pointers (RFC 6901) of the fields of {@code desired} that {@code live} lacks or holds
   * with another value; a list is named itself when live holds elements we did not set.
   *
   * @param ignored pointers not to look at (and nothing below them)
   */
  public static List<String> differences(JsonNode desired, JsonNode live, Predicate<String> ignored) {
    List<String> found = new ArrayList<>();
    compare("", desired, live, ignored, found);
    return found;
  }

  private static void compare(String pointer, JsonNode desired, JsonNode live, Predicate<String> ignored, List<String> found) {
    if (ignored.test(pointer) || desired == null || desired.isNull()) {
      // Helm compat: a null in a manifest means "not set" (the key is dropped when applied).
      return;
    }
    if (live == null || live.isMissingNode() || live.isNull()) {
      if (!isZero(desired)) {
        found.add(pointer.isEmpty() ? "/" : pointer);
      }
      return;
    }
    if (desired.isObject()) {
      if (!live.isObject()) {
        found.add(pointer);
        return;
      }
      for (Iterator<Map.Entry<String, JsonNode>> fields = desired.fields(); fields.hasNext(); ) {
        Map.Entry<String, JsonNode> field = fields.next();
        compare(pointer + "/" + escape(field.getKey()), field.getValue(), live.get(field.getKey()), ignored, found);
      }
    } else if (desired.isArray()) {
      compareLists(pointer, desired, live, ignored, found);
    } else if (!sameScalar(desired, live)) {
      found.add(pointer);
    }
  }

  private static void compareLists(String pointer, JsonNode desired, JsonNode live, Predicate<String> ignored, List<String> found) {
    if (!live.isArray()) {
      found.add(pointer);
      return;
    }
    boolean scalars = true;
    for (JsonNode element : desired) {
      scalars &= element.isValueNode() || element.isNull();
    }
    if (scalars) {
      // Lists of scalars (args, command, accessModes) are atomic: all or nothing.
      if (desired.size() != live.size()) {
        found.add(pointer);
        return;
      }
      for (int i = 0; i < desired.size(); i++) {
        compare(pointer + "/" + i, desired.get(i), live.get(i), ignored, found);
      }
      return;
    }
    for (int i = 0; i < desired.size(); i++) {
      String at = pointer + "/" + i;
      JsonNode wanted = desired.get(i);
      if (ignored.test(at) || matchesAny(at, wanted, live, i, ignored)) {
        continue;
      }
      // Report inside the element it was meant to be (same identity), else as missing.
      Optional<JsonNode> counterpart = counterpart(wanted, live, i);
      if (counterpart.isPresent()) {
        compare(at, wanted, counterpart.get(), ignored, found);
      } else {
        found.add(at);
      }
    }
    if (live.size() > desired.size() && !ignored.test(pointer)) {
      // Elements we did not set: another manager's (associative list) or ours replaced (atomic).
      found.add(pointer);
    }
  }

  /** Some live element (the one at the same index first) holds everything {@code wanted} does. */
  private static boolean matchesAny(String at, JsonNode wanted, JsonNode live, int index, Predicate<String> ignored) {
    if (index < live.size() && differences(wanted, live.get(index), relativeTo(at, ignored)).isEmpty()) {
      return true;
    }
    for (JsonNode element : live) {
      if (differences(wanted, element, relativeTo(at, ignored)).isEmpty()) {
        return true;
      }
    }
    return false;
  }

  private static Predicate<String> relativeTo(String prefix, Predicate<String> ignored) {
    return relative -> ignored.test(prefix + relative);
  }

  private static Optional<JsonNode> counterpart(JsonNode wanted, JsonNode live, int index) {
    List<String> keys = IDENTITY_KEYS.stream().filter(k -> wanted.has(k) && wanted.get(k).isValueNode()).toList();
    if (keys.isEmpty()) {
      return index < live.size() ? Optional.of(live.get(index)) : Optional.empty();
    }
    for (JsonNode element : live) {
      if (keys.stream().allMatch(k -> element.has(k) && sameScalar(wanted.get(k), element.get(k)))) {
        return Optional.of(element);
      }
    }
    return Optional.empty();
  }

  /** Go's omitempty zero values: what the API server may drop from an object we sent. */
  private static boolean isZero(JsonNode value) {
    return (value.isContainerNode() && value.isEmpty())
        || (value.isTextual() && value.asText().isEmpty())
        || (value.isBoolean() && !value.asBoolean())
        || (value.isNumber() && value.decimalValue().signum() == 0);
  }

  static boolean sameScalar(JsonNode desired, JsonNode live) {
    if (desired.equals(live)) {
      return true;
    }
    if (desired.isContainerNode() || live.isContainerNode()) {
      return false;
    }
    if (desired.isBoolean() || live.isBoolean()) {
      // "true" in an int-or-string or string field the server kept as text.
      return desired.asText().equals(live.asText());
    }
    if (desired.isTextual() != live.isTextual()) {
      // A number and its text: int-or-string fields, or a number the server printed.
      Optional<BigDecimal> a = number(desired);
      Optional<BigDecimal> b = number(live);
      return a.isPresent() && b.isPresent() && a.get().compareTo(b.get()) == 0;
    }
    if (desired.isNumber()) {
      return desired.decimalValue().compareTo(live.decimalValue()) == 0;
    }
    if (number(desired).isPresent() && number(live).isPresent()) {
      // Two plain decimal texts ("1.0", "1") are different text: only a suffix makes a quantity
      // the server rewrites, so anything else is left to the dry run.
      return false;
    }
    Optional<BigDecimal> qa = quantity(desired);
    Optional<BigDecimal> qb = quantity(live);
    return qa.isPresent() && qb.isPresent() && qa.get().compareTo(qb.get()) == 0;
  }

  private static Optional<BigDecimal> number(JsonNode value) {
    if (value.isNumber()) {
      return Optional.of(value.decimalValue());
    }
    if (value.isTextual()) {
      try {
        return Optional.of(new BigDecimal(value.asText()));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  /** The amount of a Kubernetes quantity ("500m", "1Gi", "1e3"), empty for other text. */
  private static Optional<BigDecimal> quantity(JsonNode value) {
    if (!value.isTextual() && !value.isNumber()) {
      return Optional.empty();
    }
    String text = value.asText().trim();
    if (text.isEmpty() || !(Character.isDigit(text.charAt(0)) || text.charAt(0) == '.'
        || text.charAt(0) == '+' || text.charAt(0) == '-')) {
      return Optional.empty();
    }
    try {
      return Optional.of(Quantity.parse(text).getNumericalAmount());
    } catch (IllegalArgumentException | ArithmeticException e) {
      return Optional.empty();
    }
  }

  /** RFC 6901: "~" as "~0", "/" as "~1". */
  public static String escape(String key) {
    return key.replace("~", "~0").replace("/", "~1");
  }
}
