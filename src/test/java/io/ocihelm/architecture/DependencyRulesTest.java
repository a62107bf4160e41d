package io.ocihelm.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency direction of STYLE.md: the renderer is a plain library that the CLI and the
 * operator share, and only the reconciler knows the operator SDK. Leaf libraries ({@code semver},
 * {@code codec}) may be used by anyone.
 */
class DependencyRulesTest {
  private static JavaClasses product;

  @BeforeAll
  static void importProductClasses() {
    product =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.ocihelm");
  }

  @Test
  void templateDependsOnNoOtherPipelineStage() {
    noClasses()
        .that()
        .resideInAPackage("io.ocihelm.template..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "io.ocihelm.oci..",
            "io.ocihelm.chart..",
            "io.ocihelm.render..",
            "io.ocihelm.apply..",
            "io.ocihelm.reconciler..",
            "io.ocihelm.api..",
            "io.ocihelm.cli..")
        .allowEmptyShould(true)
        .check(product);
  }

  @Test
  void rendererKnowsNothingOfKubernetesClientsOrQuarkus() {
    noClasses()
        .that()
        .resideInAnyPackage(
            "io.ocihelm.template..",
            "io.ocihelm.chart..",
            "io.ocihelm.render..",
            "io.ocihelm.oci..",
            "io.ocihelm.semver..",
            "io.ocihelm.codec..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.fabric8..", "io.quarkus..", "io.javaoperatorsdk..", "jakarta.enterprise..")
        .allowEmptyShould(true)
        .check(product);
  }

  @Test
  void onlyTheReconcilerAndTheApiKnowTheOperatorSdk() {
    noClasses()
        .that()
        .resideOutsideOfPackages("io.ocihelm.reconciler..", "io.ocihelm.api..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.javaoperatorsdk..")
        .allowEmptyShould(true)
        .check(product);
  }

  @Test
  void cliNeverReachesIntoTheReconciler() {
    noClasses()
        .that()
        .resideInAPackage("io.ocihelm.cli..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.ocihelm.reconciler..")
        .allowEmptyShould(true)
        .check(product);
  }
}
