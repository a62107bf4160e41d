package io.ocihelm.reconciler;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.ocihelm.api.v1alpha1.ChartSource;
import io.ocihelm.api.v1alpha1.Condition;
import io.ocihelm.api.v1alpha1.ConditionType;
import io.ocihelm.api.v1alpha1.OciHelmRelease;
import io.ocihelm.api.v1alpha1.OciHelmReleaseSpec;
import io.ocihelm.testbed.OciHelmReleaseCrd;
import io.ocihelm.testbed.Helm;
import io.ocihelm.testbed.Registry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;

/**
 * What the reconciler ITs of status, events, dependsOn and impersonation share: the CRD, charts
 * pushed with the real helm, a JOSDK operator on the admin client watching one namespace, and
 * reading releases, conditions and Events back.
 */
final class OperatorHarness implements AutoCloseable {
  static final Duration WITHIN = Duration.ofSeconds(60);
  static final ObjectMapper JSON = new ObjectMapper();

  final KubernetesClient admin;
  final String namespace;
  final OciHelmReleaseReconciler reconciler;
  private final Operator operator;

  OperatorHarness(KubernetesClient admin, String namespace) throws IOException {
    this.admin = admin;
    this.namespace = namespace;
    OciHelmReleaseCrd.install(admin);
    this.reconciler = new OciHelmReleaseReconciler(admin);
    this.operator = new Operator(o -> o.withKubernetesClient(admin).withCloseClientOnStop(false));
    operator.register(reconciler, c -> c.settingNamespace(namespace));
    operator.start();
  }

  @Override
  public void close() {
    operator.stop();
  }

  /** Packages a chart "name-version" with the given templates and pushes it under prefix. */
  static void push(Helm helm, Registry registry, Path tmp, String prefix, String name, String version,
      Map<String, String> templates) throws IOException {
    Path dir = tmp.resolve("src-" + name + "-" + version).resolve(name);
    Files.createDirectories(dir.resolve("templates"));
    Files.writeString(dir.resolve("Chart.yaml"), "apiVersion: v2\nname: " + name + "\nversion: " + version + "\n");
    Files.writeString(dir.resolve("values.yaml"), "greeting: hello\n");
    for (Map.Entry<String, String> template : templates.entrySet()) {
      Files.writeString(dir.resolve("templates").resolve(template.getKey()), template.getValue());
    }
    helm.run("package", dir.toString(), "--destination", tmp.toString()).requireSuccess();
    helm.push(tmp.resolve(name + "-" + version + ".tgz"), registry, prefix).requireSuccess();
  }

  static final String CONFIGMAP = """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: {{ .Release.Name }}-config
      data:
        greeting: {{ .Values.greeting | quote }}
      """;

  OciHelmRelease create(String name, String repository, String version, Consumer<OciHelmReleaseSpec> more) {
    OciHelmRelease release = new OciHelmRelease();
    release.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace(namespace).build());
    OciHelmReleaseSpec spec = new OciHelmReleaseSpec();
    ChartSource chart = new ChartSource();
    chart.setRepository(repository);
    chart.setVersion(version);
    spec.setChart(chart);
    spec.setPlainHTTP(true);
    more.accept(spec);
    release.setSpec(spec);
    return admin.resource(release).create();
  }

  OciHelmRelease get(String name) {
    return admin.resources(OciHelmRelease.class).inNamespace(namespace).withName(name).get();
  }

  OciHelmRelease edit(String name, Consumer<OciHelmReleaseSpec> change) {
    return admin.resources(OciHelmRelease.class).inNamespace(namespace).withName(name).edit(r -> {
      change.accept(r.getSpec());
      return r;
    });
  }

  static Optional<Condition> condition(OciHelmRelease release, ConditionType type) {
    if (release == null || release.getStatus() == null) {
      return Optional.empty();
    }
    return release.getStatus().getConditions().stream().filter(c -> c.is(type)).findFirst();
  }

  /** Waits until the release's Ready condition, at the release's current generation, matches. */
  OciHelmRelease awaitReady(String name, Predicate<Condition> wanted) {
    try {
      return await().atMost(WITHIN).pollInterval(Duration.ofMillis(100)).until(() -> get(name), r -> r != null
          && condition(r, ConditionType.Ready).filter(c -> c.getObservedGeneration() != null
              && c.getObservedGeneration().equals(r.getMetadata().getGeneration()) && wanted.test(c)).isPresent());
    } catch (ConditionTimeoutException e) {
      OciHelmRelease release = get(name);
      throw new AssertionError("condition not reached; status: "
          + (release == null ? "(no release)" : JSON.valueToTree(release.getStatus()).toPrettyString()), e);
    }
  }

  /** The Events on release {@code name} as "type reason message", oldest first. */
  List<String> events(String name) {
    return admin.v1().events().inNamespace(namespace).list().getItems().stream()
        .filter(e -> e.getInvolvedObject() != null && name.equals(e.getInvolvedObject().getName())
            && "OciHelmRelease".equals(e.getInvolvedObject().getKind()))
        .sorted(Comparator.comparing((Event e) -> e.getFirstTimestamp()).thenComparing(e -> e.getMetadata().getName()))
        .map(e -> e.getType() + " " + e.getReason() + " " + e.getMessage())
        .toList();
  }

}
