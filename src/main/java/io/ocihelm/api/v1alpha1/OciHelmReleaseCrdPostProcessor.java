package io.ocihelm.api.v1alpha1;

import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crdv2.generator.CRDPostProcessor;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Finishes the generated CRD where the fabric8 generator has no annotation for what we need. Runs at
 * build time (quarkus.operator-sdk.crd.post-processor), so crds/ still comes from the build alone.
 *
 * <ul>
 *   <li>Printer columns in the order they are declared on {@link OciHelmRelease}: the generator
 *       sorts them by JSONPath, and kubectl shows them in CRD order.
 *   <li>{@code status.conditions} as a list map keyed by type, like {@code metav1.Condition} lists,
 *       so server-side apply merges conditions by type instead of replacing the list.
 * </ul>
 */
public class OciHelmReleaseCrdPostProcessor implements CRDPostProcessor {

  @Override
  public HasMetadata process(HasMetadata crd, String crdSpecVersion) {
    if (crd instanceof CustomResourceDefinition definition) {
      for (CustomResourceDefinitionVersion version : definition.getSpec().getVersions()) {
        orderPrinterColumns(version);
        markConditionsAsListMap(version);
      }
    }
    return crd;
  }

  private static void orderPrinterColumns(CustomResourceDefinitionVersion version) {
    List<String> declared =
        Arrays.stream(OciHelmRelease.class.getAnnotationsByType(AdditionalPrinterColumn.class))
            .map(AdditionalPrinterColumn::name)
            .toList();
    if (version.getAdditionalPrinterColumns() != null) {
      version
          .getAdditionalPrinterColumns()
          .sort(
              Comparator.comparingInt(
                  (CustomResourceColumnDefinition column) -> declared.indexOf(column.getName())));
    }
  }

  private static void markConditionsAsListMap(CustomResourceDefinitionVersion version) {
    JSONSchemaProps status =
        version.getSchema().getOpenAPIV3Schema().getProperties().get("status");
    JSONSchemaProps conditions = status.getProperties().get("conditions");
    conditions.setXKubernetesListType("map");
    conditions.setXKubernetesListMapKeys(List.of("type"));
  }
}
