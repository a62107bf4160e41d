package io.ocihelm.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * The CRD the Quarkus build generated in this very build (Failsafe runs after {@code package}, so
 * target/kubernetes is fresh here, unlike in the unit-test phase) must be the checked-in one: this
 * catches a difference between the build's generator settings and {@link CrdInSyncTest}'s.
 */
class CrdBuildOutputIT {
  @Test
  void checkedInCrdIsWhatTheQuarkusBuildGenerated() throws IOException {
    assertThat(CrdInSyncTest.BUILD_OUTPUT).as("the build generates the CRD during package").exists();
    assertThat(Files.readString(CrdInSyncTest.CHECKED_IN))
        .as(CrdInSyncTest.REFRESH_HINT)
        .isEqualTo(Files.readString(CrdInSyncTest.BUILD_OUTPUT));
  }
}
