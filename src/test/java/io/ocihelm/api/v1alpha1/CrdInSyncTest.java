package io.ocihelm.api.v1alpha1;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.crdv2.generator.CRDGenerator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * crds/ is what users install, the Java classes are what the operator reads: they must not drift
 * apart. The CRD is generated from the classes (the same fabric8 generator and post-processor the
 * Quarkus build uses), and crds/ must be that output byte for byte.
 */
class CrdInSyncTest {

  static final String CRD_FILE = "ocihelmreleases.ocihelm.io-v1.yml";
  static final Path CHECKED_IN = Path.of("crds", CRD_FILE);
  static final Path BUILD_OUTPUT = Path.of("target", "kubernetes", CRD_FILE);

  static final String REFRESH_HINT =
      "crds/"
          + CRD_FILE
          + " is out of date with the classes in io.ocihelm.api.v1alpha1. Refresh it with:\n"
          + "  ./mvnw -o -q package -DskipTests && cp target/kubernetes/"
          + CRD_FILE
          + " crds/\n"
          + "and commit it together with the change to the classes.";

  @Test
  void checkedInCrdIsWhatTheGeneratorProducesFromTheClasses(@TempDir Path outputDir)
      throws IOException {
    new CRDGenerator()
        .customResourceClasses(OciHelmRelease.class)
        .withPostProcessor(new OciHelmReleaseCrdPostProcessor())
        .forCRDVersions("v1")
        .inOutputDir(outputDir.toFile())
        .generate();

    assertThat(Files.readString(CHECKED_IN))
        .as(REFRESH_HINT)
        .isEqualTo(Files.readString(outputDir.resolve(CRD_FILE)));
  }
}
