package io.ocihelm.render;

import io.ocihelm.template.function.FunctionSignature;
import io.ocihelm.template.function.GoType;
import io.ocihelm.template.value.GoObject;
import io.ocihelm.template.value.StructFields;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code .Capabilities}: the Kubernetes version, the API versions a chart may branch on, and the
 * Helm version. Defaults are Helm 4.1.4's as {@code helm template} reports them without a cluster
 * (../shared/conformance/capabilities/helm-v4.1.4.yaml).
 */
public final class Capabilities implements GoObject {
  /**
   * Helm 4.1.4's built-in API versions for client-only rendering, in Helm's order (taken from the
   * oracle's capabilities/helm-v4.1.4.yaml into a resource).
   */
  public static final List<String> DEFAULT_API_VERSIONS = loadDefaults();

  private static List<String> loadDefaults() {
    try (var in = Capabilities.class.getResourceAsStream("helm-v4.1.4-api-versions.txt")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines()
          .filter(l -> !l.isBlank()).toList();
    } catch (java.io.IOException | NullPointerException e) {
      throw new IllegalStateException("missing resource helm-v4.1.4-api-versions.txt", e);
    }
  }

  private final KubeVersion kubeVersion;
  private final VersionSet apiVersions;
  private final HelmVersion helmVersion;

  public Capabilities(KubeVersion kubeVersion, List<String> apiVersions, HelmVersion helmVersion) {
    this.kubeVersion = kubeVersion;
    this.apiVersions = new VersionSet(apiVersions);
    this.helmVersion = helmVersion;
  }

  /**
   * Helm compat: without {@code --kube-version}, {@code helm template} 4.1.4 reports the Kubernetes
   * version of the client library it was built with (checked with the real helm: v1.35.0).
   */
  public static final String DEFAULT_KUBE_VERSION = "v1.35.0";

  /**
   * {@code helm template} defaults, with {@code --kube-version} (null: {@link #DEFAULT_KUBE_VERSION})
   * and the {@code --api-versions} added after the defaults.
   */
  public static Capabilities forTemplate(String kubeVersion, List<String> extraApiVersions, List<String> defaults) {
    List<String> versions = new ArrayList<>(defaults);
    versions.addAll(extraApiVersions);
    return new Capabilities(
        kubeVersion == null ? KubeVersion.parse(DEFAULT_KUBE_VERSION) : KubeVersion.parse(kubeVersion),
        versions,
        HelmVersion.HELM_4_1_4);
  }

  public KubeVersion kubeVersion() {
    return kubeVersion;
  }

  public List<String> apiVersions() {
    return apiVersions.versions;
  }

  @Override
  public String goTypeName() {
    return "*common.Capabilities";
  }

  @Override
  public Member member(String name) {
    return switch (name) {
      case "KubeVersion" -> new Field(kubeVersion);
      case "APIVersions" -> new Field(apiVersions);
      case "HelmVersion" -> new Field(helmVersion);
      default -> null;
    };
  }

  @Override
  public String goString() {
    return "&{" + kubeVersion.goString() + " " + apiVersions.goString() + " " + helmVersion.goString() + "}";
  }

  /** encoding/json's view of {@code common.Capabilities}: its fields in declaration order. */
  @Override
  public Object jsonValue() {
    return StructFields.of("KubeVersion", kubeVersion.jsonValue(), "APIVersions", apiVersions.jsonValue(),
        "HelmVersion", helmVersion.jsonValue());
  }

  /** {@code common.KubeVersion}; {@code --kube-version} as Helm parses it. */
  public record KubeVersion(String version, String major, String minor) implements GoObject {
    /**
     * Helm compat: {@code --kube-version} keeps the text as given with a "v" put in front when it
     * has none (helm 4.1.4: "1.31" gives Version "v1.31", not "v1.31.0"), needs at least
     * major.minor ("1" is refused), and gives Major and Minor as strings.
     */
    public static KubeVersion parse(String text) {
      String given = text.strip();
      String bare = given.startsWith("v") ? given.substring(1) : given;
      if (!bare.contains(".")) {
        throw new IllegalArgumentException(
            "invalid kube version '" + text + "': illegal version string \"" + text + "\"");
      }
      io.ocihelm.semver.Version v;
      try {
        v = io.ocihelm.semver.Version.parse(given);
      } catch (io.ocihelm.semver.SemverException e) {
        throw new IllegalArgumentException("invalid kube version '" + text + "': " + e.getMessage(), e);
      }
      return new KubeVersion("v" + bare, Long.toString(v.major()), Long.toString(v.minor()));
    }

    @Override
    public String goTypeName() {
      return "common.KubeVersion";
    }

    @Override
    public Member member(String name) {
      return switch (name) {
        case "Version" -> new Field(version);
        case "Major" -> new Field(major);
        case "Minor" -> new Field(minor);
        case "GitVersion" -> new Method(FunctionSignature.of(), (ctx, args) -> version);
        case "String" -> new Method(FunctionSignature.of(), (ctx, args) -> goString());
        default -> null;
      };
    }

    /**
     * Helm compat: {@code String()} gives the version without its pre-release and build parts
     * (helm 4.1.4 with --kube-version 1.31.2-rc.1+abc prints v1.31.2), while Version and
     * GitVersion keep them.
     */
    @Override
    public String goString() {
      int cut = version.length();
      for (char c : new char[] {'-', '+'}) {
        int i = version.indexOf(c);
        if (i >= 0 && i < cut) {
          cut = i;
        }
      }
      return version.substring(0, cut);
    }

    /** encoding/json's view: the exported fields in declaration order (no json tags). */
    @Override
    public Object jsonValue() {
      return StructFields.of("Version", version, "Major", major, "Minor", minor);
    }
  }

  /**
   * {@code .Capabilities.HelmVersion}: Helm's build info, Go type {@code version.BuildInfo}
   * (checked with the real helm 4.1.4, which also reports the Kubernetes client version it embeds).
   */
  public record HelmVersion(String version, String gitCommit, String gitTreeState, String goVersion,
      String kubeClientVersion) implements GoObject {
    public static final HelmVersion HELM_4_1_4 = new HelmVersion(
        "v4.1.4", "05fa37973dc9e42b76e1d2883494c87174b6074f", "clean", "go1.25.9", "v1.35");

    @Override
    public String goTypeName() {
      return "version.BuildInfo";
    }

    @Override
    public Member member(String name) {
      return switch (name) {
        case "Version" -> new Field(version);
        case "GitCommit" -> new Field(gitCommit);
        case "GitTreeState" -> new Field(gitTreeState);
        case "GoVersion" -> new Field(goVersion);
        case "KubeClientVersion" -> new Field(kubeClientVersion);
        default -> null;
      };
    }

    @Override
    public String goString() {
      return "{" + version + " " + gitCommit + " " + gitTreeState + " " + goVersion + " " + kubeClientVersion + "}";
    }

    /** encoding/json's view: the fields in declaration order, under their json tags. */
    @Override
    public Object jsonValue() {
      return StructFields.of("version", version, "git_commit", gitCommit, "git_tree_state", gitTreeState,
          "go_version", goVersion, "kube_client_version", kubeClientVersion);
    }
  }

  /**
   * {@code common.VersionSet}: a {@code []string} with a {@code Has} method. Helm compat: a list
   * for {@code has}, {@code len} and {@code range}, and an object for {@code .Has}.
   */
  public static final class VersionSet extends AbstractList<Object> implements GoObject {
    private final List<String> versions;

    VersionSet(List<String> versions) {
      this.versions = List.copyOf(versions);
    }

    @Override
    public Object get(int index) {
      return versions.get(index);
    }

    @Override
    public int size() {
      return versions.size();
    }

    @Override
    public String goTypeName() {
      return "common.VersionSet";
    }

    @Override
    public Member member(String name) {
      if (name.equals("Has")) {
        return new Method(FunctionSignature.of(GoType.STRING), (ctx, args) -> versions.contains((String) args[0]));
      }
      return null;
    }

    @Override
    public String goString() {
      return "[" + String.join(" ", versions) + "]";
    }

    /** encoding/json's view of a {@code []string}: the list itself. */
    @Override
    public Object jsonValue() {
      return versions;
    }
  }
}
