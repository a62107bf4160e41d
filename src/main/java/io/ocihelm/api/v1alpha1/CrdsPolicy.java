package io.ocihelm.api.v1alpha1;

/** What happens to the CustomResourceDefinitions in a chart's {@code crds/} directory. */
public enum CrdsPolicy {
  /** Leave CRDs alone. */
  Skip,
  /** Create CRDs that do not exist yet; never change existing ones (Helm's install behaviour). */
  Create,
  /** Create missing CRDs and replace existing ones with the chart's version. */
  CreateReplace
}
