package io.ocihelm.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocihelm.template.value.Int64;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The --set forms documented in Helm's "Using Helm" guide, and its error wording. */
class StrValsTest {
  record Case(String name, String line, Map<String, Object> expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("simple", "name=value", map("name", "value")),
        new Case("two pairs", "a=b,c=d", map("a", "b", "c", "d")),
        new Case("nested", "outer.inner=value", map("outer", map("inner", "value"))),
        new Case("list", "name={a, b, c}", map("name", List.of("a", " b", " c"))),
        new Case("null deletes", "name=null", map("name", null)),
        new Case("list index", "servers[0].port=80", map("servers", List.of(map("port", Int64.of(80))))),
        new Case("sparse list index", "servers[2]=x", map("servers", Arrays.asList(null, null, "x"))),
        new Case("escaped comma", "name=value1\\,value2", map("name", "value1,value2")),
        new Case("escaped dot in key", "nodeSelector.kubernetes\\.io/role=master",
            map("nodeSelector", map("kubernetes.io/role", "master"))),
        new Case("typed values", "t=true,f=FALSE,z=0,n=-12,o=0123,s=1.5",
            map("t", true, "f", false, "z", Int64.of(0), "n", Int64.of(-12), "o", "0123", "s", "1.5")),
        new Case("empty value", "a=", map("a", "")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void parses(Case c) {
    assertThat(StrVals.parse(c.line())).isEqualTo(c.expected());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void rejects(String line, String error) {
    assertThatThrownBy(() -> StrVals.parse(line)).hasMessage(error);
  }

  static Stream<org.junit.jupiter.params.provider.Arguments> errors() {
    return Stream.of(
        org.junit.jupiter.params.provider.Arguments.of("name", "key \"name\" has no value"),
        org.junit.jupiter.params.provider.Arguments.of("name,a=b", "key \"name\" has no value (cannot end with ,)"),
        org.junit.jupiter.params.provider.Arguments.of("a={1,2", "list must terminate with '}'"),
        org.junit.jupiter.params.provider.Arguments.of("a[-1]=x", "negative -1 index not allowed"));
  }

  @org.junit.jupiter.api.Test
  void stringAndJsonForms() {
    Map<String, Object> dest = new LinkedHashMap<>();
    StrVals.parseIntoString("a=true,b=12", dest);
    StrVals.parseJson("c={\"x\":[1,\"y\"]},d=null", dest);
    assertThat(dest).isEqualTo(map("a", "true", "b", "12", "c", map("x", List.of(1.0, "y")), "d", null));
  }

  static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }
}
