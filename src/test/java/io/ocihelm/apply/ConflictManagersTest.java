package io.ocihelm.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.StatusCauseBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Which field managers a server-side apply 409 names: adoption takes over only the helm CLI's. */
class ConflictManagersTest {

  static Stream<Arguments> cases() {
    // Cause messages as kube-apiserver v1.37 words them (seen in OperatorAcceptanceIT).
    return Stream.of(
        Arguments.of("one cause, helm", status("Apply failed with 1 conflict: conflict with \"helm\": .data.revision",
            "conflict with \"helm\""), Set.of("helm")),
        Arguments.of("two managers", status("Apply failed with 2 conflicts: ...",
            "conflict with \"helm\"", "conflict with \"kubectl-edit\" using v1"), Set.of("helm", "kubectl-edit")),
        Arguments.of("no causes: the message", status(
            "Apply failed with 1 conflict: conflict with \"flux\" using apps/v1: .spec.replicas"), Set.of("flux")),
        Arguments.of("nothing named", status("Operation cannot be fulfilled"), Set.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void namesTheConflictingManagers(String name, Status status, Set<String> expected) {
    assertThat(ServerSideApplier.conflictManagers(new KubernetesClientException(status))).isEqualTo(expected);
  }

  private static Status status(String message, String... causes) {
    StatusBuilder status = new StatusBuilder().withCode(409).withReason("Conflict").withMessage(message);
    if (causes.length > 0) {
      status.withNewDetails().endDetails();
      for (String cause : causes) {
        status.editDetails().addToCauses(new StatusCauseBuilder().withReason("FieldManagerConflict")
            .withMessage(cause).build()).endDetails();
      }
    }
    return status.build();
  }
}
