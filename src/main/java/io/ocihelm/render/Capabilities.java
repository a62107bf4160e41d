package io.ocihelm.render;

import io.ocihelm.template.function.FunctionSignature;
import io.ocihelm.template.function.GoType;
import io.ocihelm.template.value.GoObject;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
   * {@code helm template} defaults, with {@code --kube-version} (null: Helm's default v1.20.0)
   * and the {@code --api-versions} added after the defaults.
   */
  public static Capabilities forTemplate(String kubeVersion, List<String> extraApiVersions, List<String> defaults) {
    List<String> versions = new ArrayList<>(defaults);
    versions.addAll(extraApiVersions);
    return new Capabilities(
        kubeVersion == null ? KubeVersion.parse("v1.20.0") : KubeVersion.parse(kubeVersion),
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
    return "&{" + kubeVersion.goString() + " " + apiVersions + " " + helmVersion.goString() + "}";
  }

  /** {@code common.KubeVersion}; {@code --kube-version} as Helm parses it. */
  public record KubeVersion(String version, String major, String minor) implements GoObject {
    /**
     * Helm compat: {@code ParseKubeVersion} keeps "v" + the version as given (semver-normalised),
     * Major and Minor as strings.
     */
    public static KubeVersion parse(String text) {
      io.ocihelm.semver.Version v;
      try {
        v = io.ocihelm.semver.Version.parse(text.strip());
      } catch (io.ocihelm.semver.SemverException e) {
        throw new IllegalArgumentException("invalid kube version \"" + text + "\": " + e.getMessage(), e);
      }
      return new KubeVersion("v" + v, Long.toString(v.major()), Long.toString(v.minor()));
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
        case "String" -> new Method(FunctionSignature.of(), (ctx, args) -> version);
        default -> null;
      };
    }

    @Override
    public String goString() {
      return version;
    }

    /** encoding/json's view: exported fields by name. */
    public Object jsonValue() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("Version", version);
      m.put("Major", major);
      m.put("Minor", minor);
      return m;
    }
  }

  /** {@code common.HelmVersion} (Helm's build info). */
  public record HelmVersion(String version, String gitCommit, String gitTreeState, String goVersion)
      implements GoObject {
    public static final HelmVersion HELM_4_1_4 =
        new HelmVersion("v4.1.4", "05fa37973dc9e42b76e1d2883494c87174b6074f", "clean", "go1.25.9");

    @Override
    public String goTypeName() {
      return "common.HelmVersion";
    }

    @Override
    public Member member(String name) {
      return switch (name) {
        case "Version" -> new Field(version);
        case "GitCommit" -> new Field(gitCommit);
        case "GitTreeState" -> new Field(gitTreeState);
        case "GoVersion" -> new Field(goVersion);
        default -> null;
      };
    }

    @Override
    public String goString() {
      return "{" + version + " " + gitCommit + " " + gitTreeState + " " + goVersion + "}";
    }

    public Object jsonValue() {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("version", version);
      m.put("git_commit", gitCommit);
      m.put("git_tree_state", gitTreeState);
      m.put("go_version", goVersion);
      return m;
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
  }
}
