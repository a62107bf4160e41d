package io.ocihelm.semver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Checks {@link Constraint} against the semverCompare vectors Helm 4.1.4 produced. */
class ConstraintTest {
  private static final Path VECTORS = Path.of("/work/shared/conformance/functions/semver.jsonl");
  private static final Pattern SEMVER_COMPARE =
      Pattern.compile("\\{\\{ semverCompare \"((?:[^\"\\\\]|\\\\.)*)\" \"((?:[^\"\\\\]|\\\\.)*)\" }}");
  private static final String ERROR_PREFIX = "error calling semverCompare: ";

  record Vector(String id, String constraint, String version, String expected, String error) {
    @Override
    public String toString() {
      return id + " " + constraint + " ~ " + version;
    }
  }

  static List<Vector> vectors() throws IOException {
    ObjectMapper json = new ObjectMapper();
    List<Vector> out = new ArrayList<>();
    for (String line : Files.readAllLines(VECTORS)) {
      JsonNode node = json.readTree(line);
      Matcher m = SEMVER_COMPARE.matcher(node.get("template").asText());
      if (!m.matches()) {
        continue; // vectors reading .Capabilities or using other functions belong to the engine
      }
      String error = null;
      if (node.has("error")) {
        String full = node.get("error").asText();
        error = full.substring(full.indexOf(ERROR_PREFIX) + ERROR_PREFIX.length());
      }
      out.add(
          new Vector(
              node.get("id").asText(),
              m.group(1),
              m.group(2),
              node.has("expected") ? node.get("expected").asText() : null,
              error));
    }
    assertThat(out).hasSizeGreaterThan(40);
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void semverCompareVectors(Vector v) {
    if (v.error() != null) {
      assertThatThrownBy(() -> Constraint.parse(v.constraint()).matches(Version.parse(v.version())))
          .isInstanceOf(SemverException.class)
          .hasMessage(v.error());
    } else {
      boolean result = Constraint.parse(v.constraint()).matches(Version.parse(v.version()));
      assertThat(String.valueOf(result)).isEqualTo(v.expected());
    }
  }
}
