package io.ocihelm.assess;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Desired ⊆ live with the API server's normalisations: what counts as a difference. */
class FieldComparisonTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  record Case(String name, String desired, String live, List<String> ignored, List<String> expected) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case("equal", "{'spec':{'replicas':2}}", "{'spec':{'replicas':2}}", List.of(), List.of()),
        new Case("changed field", "{'spec':{'replicas':2}}", "{'spec':{'replicas':5}}", List.of(), List.of("/spec/replicas")),
        new Case("removed field", "{'data':{'a':'1','b':'2'}}", "{'data':{'a':'1'}}", List.of(), List.of("/data/b")),
        new Case("ignored path", "{'spec':{'replicas':2}}", "{'spec':{'replicas':5}}", List.of("/spec/replicas"), List.of()),
        new Case("ignored parent covers children", "{'spec':{'a':{'b':1}}}", "{'spec':{'a':{'b':2}}}", List.of("/spec/a"), List.of()),
        new Case("field added by others", "{'metadata':{'labels':{'a':'x'}}}",
            "{'metadata':{'labels':{'a':'x','team':'ops'},'uid':'u'},'status':{'x':1}}", List.of(), List.of()),
        new Case("server default", "{'spec':{'template':{'spec':{'containers':[{'name':'c','image':'i'}]}}}}",
            "{'spec':{'template':{'spec':{'containers':[{'name':'c','image':'i','imagePullPolicy':'Always',"
                + "'terminationMessagePath':'/dev/termination-log'}],'dnsPolicy':'ClusterFirst'}}}}", List.of(), List.of()),
        new Case("quantity 0.5 is 500m", "{'cpu':'0.5'}", "{'cpu':'500m'}", List.of(), List.of()),
        new Case("quantity 1024Mi is 1Gi", "{'memory':'1024Mi'}", "{'memory':'1Gi'}", List.of(), List.of()),
        new Case("quantity number 1 is \"1\"", "{'cpu':1}", "{'cpu':'1'}", List.of(), List.of()),
        new Case("quantity changed", "{'cpu':'500m'}", "{'cpu':'1'}", List.of(), List.of("/cpu")),
        new Case("plain decimal texts differ", "{'version':'1.0'}", "{'version':'1'}", List.of(), List.of("/version")),
        new Case("int and string", "{'targetPort':8080}", "{'targetPort':'8080'}", List.of(), List.of()),
        new Case("int and float", "{'replicas':2}", "{'replicas':2.0}", List.of(), List.of()),
        new Case("boolean and text", "{'enabled':'true'}", "{'enabled':true}", List.of(), List.of()),
        new Case("text is not a number", "{'name':'web'}", "{'name':'web2'}", List.of(), List.of("/name")),
        new Case("empty map omitted", "{'spec':{'selector':{}}}", "{'spec':{}}", List.of(), List.of()),
        new Case("false omitted", "{'spec':{'paused':false}}", "{'spec':{}}", List.of(), List.of()),
        new Case("null not set", "{'spec':{'x':null}}", "{'spec':{}}", List.of(), List.of()),
        new Case("deleted object", "{'kind':'ConfigMap'}", "null", List.of(), List.of("/")),
        new Case("container image changed",
            "{'containers':[{'name':'a','image':'a:1'},{'name':'b','image':'b:1'}]}",
            "{'containers':[{'name':'a','image':'a:1'},{'name':'b','image':'b:2'}]}", List.of(),
            List.of("/containers/1/image")),
        new Case("container ignored by index",
            "{'containers':[{'name':'a','image':'a:1'}]}", "{'containers':[{'name':'a','image':'a:2'}]}",
            List.of("/containers/0/image"), List.of()),
        new Case("list reordered by server", "{'ports':[{'port':80},{'port':443}]}",
            "{'ports':[{'port':443,'protocol':'TCP'},{'port':80,'protocol':'TCP'}]}", List.of(), List.of()),
        new Case("list element removed", "{'env':[{'name':'A','value':'1'},{'name':'B','value':'2'}]}",
            "{'env':[{'name':'A','value':'1'}]}", List.of(), List.of("/env/1")),
        new Case("element added by others", "{'env':[{'name':'A','value':'1'}]}",
            "{'env':[{'name':'A','value':'1'},{'name':'X','value':'9'}]}", List.of(), List.of("/env")),
        new Case("atomic scalar list changed", "{'args':['a','b']}", "{'args':['a','b','c']}", List.of(), List.of("/args")),
        new Case("pointer escaping", "{'metadata':{'annotations':{'a/b~c':'1'}}}",
            "{'metadata':{'annotations':{'a/b~c':'2'}}}", List.of(), List.of("/metadata/annotations/a~1b~0c")),
        new Case("escaped pointer ignored", "{'metadata':{'annotations':{'a/b':'1'}}}",
            "{'metadata':{'annotations':{'a/b':'2'}}}", List.of("/metadata/annotations/a~1b"), List.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void differences(Case c) throws Exception {
    JsonNode desired = JSON.readTree(c.desired().replace('\'', '"'));
    JsonNode live = JSON.readTree(c.live().replace('\'', '"'));
    List<String> ignored = c.ignored();
    List<String> found = FieldComparison.differences(desired, live,
        pointer -> ignored.stream().anyMatch(p -> pointer.equals(p) || pointer.startsWith(p + "/")));
    assertThat(found).containsExactlyElementsOf(c.expected());
  }
}
