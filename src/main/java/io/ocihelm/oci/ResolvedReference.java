package io.ocihelm.oci;

/**
 * The outcome of resolving a chart reference and requested version.
 *
 * @param reference what to fetch: carries the chosen tag, or the digest
 * @param version chosen version in Helm's spelling ({@code 1.0.0+build}); null for a bare digest
 * @param tagsConsidered number of tags listed to choose (0 when no listing was needed)
 */
public record ResolvedReference(OciReference reference, String version, int tagsConsidered) {}
