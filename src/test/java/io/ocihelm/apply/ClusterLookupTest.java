package io.ocihelm.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocihelm.template.value.GoTypes;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What a lookup hands the templates: the API server's JSON as client-go's unstructured decoding
 * gives it (integers int64, other numbers float64), so {@code %T}, {@code kindOf} and comparisons
 * see the types Helm's templates see.
 */
class ClusterLookupTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<Arguments> values() {
    return Stream.of(
        Arguments.of("an integer is int64", "{\"v\":2}", "int64"),
        Arguments.of("a fraction is float64", "{\"v\":0.5}", "float64"),
        Arguments.of("a string", "{\"v\":\"x\"}", "string"),
        Arguments.of("a bool", "{\"v\":true}", "bool"),
        Arguments.of("a list", "{\"v\":[1]}", "[]interface {}"),
        Arguments.of("a map", "{\"v\":{\"a\":1}}", "map[string]interface {}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("values")
  void decodesLikeUnstructured(String title, String json, String goType) throws Exception {
    @SuppressWarnings("unchecked")
    Map<String, Object> tree = (Map<String, Object>) ClusterLookup.goValue(JSON.readTree(json));
    assertThat(GoTypes.typeName(tree.get("v"))).isEqualTo(goType);
  }

  @org.junit.jupiter.api.Test
  void nestedValuesKeepTheirOrderAndTypes() throws Exception {
    Object tree = ClusterLookup.goValue(JSON.readTree("{\"data\":{\"b\":\"1\",\"a\":\"2\"},\"items\":[{\"n\":3}]}"));
    assertThat(tree).isEqualTo(Map.of("data", Map.of("b", "1", "a", "2"),
        "items", List.of(Map.of("n", io.ocihelm.template.value.Int64.of(3)))));
    @SuppressWarnings("unchecked")
    Map<String, Object> data = (Map<String, Object>) ((Map<?, ?>) tree).get("data");
    assertThat(data.keySet()).containsExactly("b", "a");
  }
}
