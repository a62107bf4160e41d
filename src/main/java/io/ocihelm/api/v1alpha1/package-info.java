/**
 * The {@code ocihelm.io/v1alpha1} API: the {@link io.ocihelm.api.v1alpha1.OciHelmRelease} custom
 * resource (DESIGN.md §2). The CRD in {@code crds/} is generated from these classes at build time;
 * validation that the API server enforces lives here as annotations (OpenAPI patterns, enums,
 * defaults, CEL rules), so the schema users see and the Java model cannot disagree.
 */
package io.ocihelm.api.v1alpha1;
