package io.ocihelm.oci;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A chart location {@code oci://host[:port]/path/name[:tag][@digest]}.
 *
 * <p>The tag is kept in Helm's spelling (a chart version, possibly with {@code +build}); {@link
 * #registryTag()} gives the spelling stored in the registry, where {@code +} is not allowed and Helm
 * writes {@code _} instead.
 */
public record OciReference(String registry, String repository, String tag, String digest) {
  public static final String SCHEME = "oci://";

  // Distribution spec: path components, lower case, separated by '.', '_', '__' or dashes.
  private static final Pattern REPOSITORY =
      Pattern.compile("[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:\\.|_|__|-+)[a-z0-9]+)*)*");
  private static final Pattern REGISTRY_TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9._-]{0,127}");
  private static final Pattern DIGEST = Pattern.compile("sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128}");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.-]+(?::[0-9]{1,5})?|\\[[0-9A-Fa-f:]+](?::[0-9]{1,5})?");

  public OciReference {
    if (tag != null && tag.isEmpty()) {
      tag = null;
    }
    if (digest != null && digest.isEmpty()) {
      digest = null;
    }
  }

  /**
   * Parses {@code oci://…}; the scheme is required so a chart directory named like a host is never
   * taken for a registry.
   */
  public static OciReference parse(String text) {
    if (text == null || !text.startsWith(SCHEME)) {
      throw new InvalidReferenceException("chart reference must start with " + SCHEME + ": " + text);
    }
    String rest = text.substring(SCHEME.length());
    int slash = rest.indexOf('/');
    if (slash <= 0) {
      throw new InvalidReferenceException("chart reference has no repository path: " + text);
    }
    String host = rest.substring(0, slash);
    String path = rest.substring(slash + 1);
    String digest = null;
    int at = path.indexOf('@');
    if (at >= 0) {
      digest = path.substring(at + 1);
      path = path.substring(0, at);
      if (!DIGEST.matcher(digest).matches()) {
        throw new InvalidReferenceException("invalid digest \"" + digest + "\" in " + text);
      }
    }
    String tag = null;
    int colon = path.lastIndexOf(':');
    if (colon >= 0) {
      tag = path.substring(colon + 1);
      path = path.substring(0, colon);
    }
    if (!HOST.matcher(host).matches()) {
      throw new InvalidReferenceException("invalid registry host \"" + host + "\" in " + text);
    }
    if (!REPOSITORY.matcher(path).matches()) {
      throw new InvalidReferenceException("invalid repository \"" + path + "\" in " + text);
    }
    OciReference ref = new OciReference(host, path, tag, digest);
    if (tag != null && !REGISTRY_TAG.matcher(ref.registryTag()).matches()) {
      throw new InvalidReferenceException("invalid tag \"" + tag + "\" in " + text);
    }
    return ref;
  }

  /** The chart name: the last path component. */
  public String chartName() {
    return repository.substring(repository.lastIndexOf('/') + 1);
  }

  /** The tag as stored in the registry. */
  public String registryTag() {
    // Helm compat: OCI tags cannot contain '+', so Helm pushes 1.0.0+build as tag 1.0.0_build.
    return tag == null ? null : tag.replace('+', '_');
  }

  /** Host (and port) the HTTP API is served from; Docker Hub's API lives on another name. */
  public String apiHost() {
    return registry.equals("docker.io") || registry.equals("index.docker.io")
        ? "registry-1.docker.io"
        : registry;
  }

  public Optional<String> tagOrEmpty() {
    return Optional.ofNullable(tag);
  }

  public OciReference withTag(String newTag) {
    return new OciReference(registry, repository, newTag, digest);
  }

  public OciReference withDigest(String newDigest) {
    return new OciReference(registry, repository, tag, newDigest);
  }

  /** The repository without tag or digest, as {@code oci://host/path}. */
  public String repositoryUrl() {
    return SCHEME + registry + "/" + repository;
  }

  @Override
  public String toString() {
    return repositoryUrl() + (tag == null ? "" : ":" + tag) + (digest == null ? "" : "@" + digest);
  }
}
