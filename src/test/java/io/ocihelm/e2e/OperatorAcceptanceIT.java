package io.ocihelm.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocihelm.api.v1alpha1.Condition;
import io.ocihelm.api.v1alpha1.ConditionStatus;
import io.ocihelm.api.v1alpha1.ConditionType;
import io.ocihelm.api.v1alpha1.OciHelmRelease;
import io.ocihelm.api.v1alpha1.OciHelmReleaseSpec;
import io.ocihelm.api.v1alpha1.ValuesReference;
import io.ocihelm.api.v1alpha1.ValuesSourceKind;
import io.ocihelm.testbed.ReleaseEdits;
import io.ocihelm.testbed.ControlPlane;
import io.ocihelm.testbed.Helm;
import io.ocihelm.testbed.OperatorProcess;
import io.ocihelm.testbed.Registry;
import io.ocihelm.testbed.Tool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acceptance: the REAL packaged operator ({@code bin/ocihelm operator} over {@code
 * target/quarkus-app}, built by {@code package} before Failsafe runs) as a user runs it outside the
 * cluster — KUBECONFIG with the token of the ServiceAccount of {@code deploy/}, so the shipped RBAC
 * is all it has — against the test bed's API server and registries, with charts pushed by the real
 * helm. Every check is what a user sees: status conditions, objects, {@code helm list|history|get
 * values} of helm 4 and helm 3.
 *
 * <p>One operator serves the whole class; it watches only this class's namespaces
 * ({@code WATCH_NAMESPACE}), so releases of other ITs on the shared control plane are not its
 * business. The install runs first, so its create -> Ready is that of a freshly started operator
 * (cold JIT, first registry connection); the release after it is measured warm.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OperatorAcceptanceIT {
  private static final Duration WITHIN = Duration.ofSeconds(90);
  private static final ObjectMapper JSON = new ObjectMapper();

  private static ControlPlane controlPlane;
  private static KubernetesClient admin;
  private static Registry registry;
  private static OperatorProcess operator;
  @TempDir
  static Path work;
  private static Helm helm4;
  private static Helm helm3;
  private static String upgrades;
  private static String failures;
  private static String suspended;
  private static String adopted;

  @BeforeAll
  static void startOperator() throws IOException {
    controlPlane = ControlPlane.shared();
    admin = controlPlane.adminClient();
    registry = Registry.shared(Registry.Variant.ANONYMOUS);
    helm4 = Helm.isolated(work.resolve("helm4")).withKubeconfig(controlPlane.kubeconfig());
    helm3 = Helm.isolated(Tool.HELM3, work.resolve("helm3")).withKubeconfig(controlPlane.kubeconfig());
    upgrades = controlPlane.createNamespace("accept-upgrades");
    failures = controlPlane.createNamespace("accept-failures");
    suspended = controlPlane.createNamespace("accept-suspended");
    adopted = controlPlane.createNamespace("accept-adopted");
    operator = OperatorProcess.start(controlPlane, List.of(upgrades, failures, suspended, adopted));
    System.out.printf("operator (bin/ocihelm operator) ready in %d ms, log %s%n",
        operator.startupTime().toMillis(), operator.logFile());
  }

  @Test
  @Order(0)
  void runsOutsideTheClusterOnLoopbackWatchingTheGivenNamespaces() {
    String log = operator.log();
    assertThat(log).contains("Listening on: http://127.0.0.1:");
    assertThat(log).containsPattern("Registered reconciler: .* for namespace\\(s\\): \\[[^\\]]*" + upgrades);
    assertThat(log).doesNotContain("all namespaces");
  }

  @AfterAll
  static void stopOperator() {
    if (operator != null) {
      operator.close();
    }
    for (String namespace : new String[] {upgrades, failures, suspended, adopted}) {
      if (namespace != null) {
        admin.namespaces().withName(namespace).delete();
      }
    }
  }

  @Test
  @Order(1)
  void installsUpgradesByVersionRepushedTagAndConfigMapThenUninstalls() throws IOException {
    String prefix = "accept/" + upgrades;
    Path v1 = SampleChart.packaged(helm4, work.resolve("upgrades"), "0.1.0");
    Path v2 = SampleChart.packaged(helm4, work.resolve("upgrades"), "0.2.0");
    SampleChart.push(helm4, v1, registry, prefix);
    String firstDigest = SampleChart.push(helm4, v2, registry, prefix);

    // install: create -> Ready, measured from the create call to the first Ready=True we read
    long created = System.nanoTime();
    admin.resource(release(upgrades, "web", prefix, "0.1.0", """
        interval: 10s
        values:
          greeting: hi
        """)).create();
    OciHelmRelease installed = awaitReady(upgrades, "web", 1, r -> true);
    Duration createToReady = Duration.ofNanos(System.nanoTime() - created);
    System.out.printf("create -> Ready, first release of a fresh operator (sample chart, 5 objects): %d ms%n",
        createToReady.toMillis());

    ConfigMap config = admin.configMaps().inNamespace(upgrades).withName("web-sample").get();
    assertThat(config.getData()).containsEntry("greeting", "hi").containsEntry("revision", "1").containsEntry("color", "blue");
    assertThat(installed.getStatus().getInventory()).extracting(e -> e.getKind() + "/" + e.getName())
        .containsExactlyInAnyOrder("ConfigMap/web-sample", "Service/web-sample", "ServiceAccount/web-sample",
            "Role/web-sample", "RoleBinding/web-sample");
    for (Helm helm : List.of(helm4, helm3)) {
      assertThat(listed(helm, upgrades)).as("helm list of %s", name(helm)).containsExactly("web 1 deployed sample-0.1.0");
      assertThat(values(helm, upgrades, "web")).isEqualTo(JSON.readTree("{\"greeting\":\"hi\"}"));
    }

    // a second release, the operator now warm
    long warmCreated = System.nanoTime();
    admin.resource(release(upgrades, "warm", prefix, "0.1.0", "")).create();
    awaitReady(upgrades, "warm", 1, r -> true);
    System.out.printf("create -> Ready, warm operator (sample chart, 5 objects): %d ms%n",
        Duration.ofNanos(System.nanoTime() - warmCreated).toMillis());
    admin.resources(OciHelmRelease.class).inNamespace(upgrades).withName("warm").delete();
    await().atMost(WITHIN).until(() -> get(upgrades, "warm") == null && listed(helm4, upgrades).size() == 1);

    // upgrade by version bump: the objects stay (same uid), revision 2
    edit(upgrades, "web", spec -> spec.getChart().setVersion("0.2.0"));
    OciHelmRelease bumped = awaitReady(upgrades, "web", 2, r -> true);
    assertThat(bumped.getStatus().getLastAppliedRevision()).isEqualTo("0.2.0@" + firstDigest);
    ConfigMap bumpedConfig = admin.configMaps().inNamespace(upgrades).withName("web-sample").get();
    assertThat(bumpedConfig.getMetadata().getUid()).isEqualTo(config.getMetadata().getUid());
    assertThat(bumpedConfig.getMetadata().getLabels()).containsEntry("helm.sh/chart", "sample-0.2.0");
    assertThat(bumpedConfig.getData()).containsEntry("revision", "2");
    for (Helm helm : List.of(helm4, helm3)) {
      assertThat(listed(helm, upgrades)).as("helm list of %s", name(helm)).containsExactly("web 2 deployed sample-0.2.0");
    }

    // upgrade by a re-pushed tag: same version, new digest, found by the interval's registry check
    String secondDigest = SampleChart.repush(helm4, v2, registry, prefix);
    assertThat(secondDigest).isNotEqualTo(firstDigest);
    OciHelmRelease repushed = awaitReady(upgrades, "web", 2,
        r -> r.getStatus().getLastAppliedRevision().equals("0.2.0@" + secondDigest));
    assertThat(repushed.getStatus().getChart().getDigest()).isEqualTo(secondDigest);
    assertThat(admin.configMaps().inNamespace(upgrades).withName("web-sample").get().getData())
        .containsEntry("revision", "3");
    assertThat(history(helm4, upgrades, "web")).containsExactly("1 superseded", "2 superseded", "3 deployed");
    assertThat(history(helm3, upgrades, "web")).containsExactly("1 superseded", "2 superseded", "3 deployed");

    // values from a ConfigMap; the interval goes to 1h, so a later change of the ConfigMap can
    // only arrive through the operator's watch on it
    admin.resource(new ConfigMapBuilder().withNewMetadata().withName("web-values").withNamespace(upgrades).endMetadata()
        .addToData("values.yaml", "settings:\n  color: red\n").build()).create();
    edit(upgrades, "web", spec -> {
      ValuesReference reference = new ValuesReference();
      reference.setKind(ValuesSourceKind.ConfigMap);
      reference.setName("web-values");
      spec.setValuesFrom(new java.util.ArrayList<>(List.of(reference)));
      spec.setInterval("1h");
    });
    OciHelmRelease fromConfigMap = awaitReady(upgrades, "web", 3, r -> true);
    assertThat(admin.configMaps().inNamespace(upgrades).withName("web-sample").get().getData())
        .containsEntry("color", "red").containsEntry("greeting", "hi").containsEntry("revision", "4");
    String checksum = fromConfigMap.getStatus().getLastAppliedValuesChecksum();
    admin.configMaps().inNamespace(upgrades).withName("web-values")
        .edit(cm -> new ConfigMapBuilder(cm).addToData("values.yaml", "settings:\n  color: yellow\n").build());
    awaitReady(upgrades, "web", 3, r -> !r.getStatus().getLastAppliedValuesChecksum().equals(checksum));
    assertThat(admin.configMaps().inNamespace(upgrades).withName("web-sample").get().getData())
        .containsEntry("color", "yellow").containsEntry("revision", "5");
    assertThat(values(helm4, upgrades, "web"))
        .isEqualTo(JSON.readTree("{\"greeting\":\"hi\",\"settings\":{\"color\":\"yellow\"}}"));

    // uninstall through the finalizer: the chart's objects and the release records go, the
    // user's values ConfigMap stays
    admin.resources(OciHelmRelease.class).inNamespace(upgrades).withName("web").delete();
    await().atMost(WITHIN).until(() -> get(upgrades, "web") == null);
    assertThat(uids(upgrades, "web-sample")).isEmpty();
    assertThat(listed(helm4, upgrades)).isEmpty();
    assertThat(admin.configMaps().inNamespace(upgrades).withName("web-values").get()).isNotNull();
  }

  @Test
  void reportsWrongCredentialsMissingTagAndSchemaViolation() {
    Registry basic = Registry.shared(Registry.Variant.BASIC_AUTH);
    Registry.Credentials credentials = basic.credentials().orElseThrow();
    Helm pusher = Helm.isolated(work.resolve("helm-basic"));
    pusher.login(basic);
    String prefix = "accept/" + failures;
    SampleChart.push(pusher, SampleChart.packaged(pusher, work.resolve("failures"), "0.1.0"), basic, prefix);
    SampleChart.push(helm4, SampleChart.packaged(helm4, work.resolve("failures-anonymous"), "0.1.0"), registry, prefix);
    String wrongPassword = "wrong-" + UUID.randomUUID();
    basicAuthSecret(failures, "good-login", credentials.username(), credentials.password());
    basicAuthSecret(failures, "bad-login", credentials.username(), wrongPassword);

    // the right credentials work (so the failure below is about the password, nothing else)
    admin.resource(release(basic, failures, "authed", prefix, "0.1.0", "auth: {secretRef: {name: good-login}}\n")).create();
    awaitReady(failures, "authed", 1, r -> true);

    admin.resource(release(basic, failures, "denied", prefix, "0.1.0", "auth: {secretRef: {name: bad-login}}\n")).create();
    assertThat(awaitFailure(failures, "denied").getReason()).isEqualTo("AuthenticationFailed");

    admin.resource(release(failures, "missing", prefix, "9.9.9", "")).create();
    Condition missing = awaitFailure(failures, "missing");
    assertThat(missing.getReason()).isEqualTo("ChartNotFound");
    assertThat(missing.getMessage()).contains("9.9.9");

    admin.resource(release(failures, "invalid", prefix, "0.1.0", "values: {greeting: 5}\n")).create();
    Condition invalid = awaitFailure(failures, "invalid");
    assertThat(invalid.getReason()).isEqualTo("ValuesInvalid");
    assertThat(invalid.getMessage()).contains("greeting");
    assertThat(admin.configMaps().inNamespace(failures).withName("invalid-sample").get()).isNull();
    assertThat(listed(helm4, failures)).containsExactly("authed 1 deployed sample-0.1.0");

    // logs without secrets: neither password nor the operator's own token
    String log = operator.log();
    assertThat(log).doesNotContain(credentials.password()).doesNotContain(wrongPassword);
    assertThat(log).doesNotContain(serviceAccountToken());
  }

  @Test
  void leavesASuspendedReleaseAlone() throws IOException {
    String prefix = "accept/" + suspended;
    SampleChart.push(helm4, SampleChart.packaged(helm4, work.resolve("suspended"), "0.1.0"), registry, prefix);
    SampleChart.push(helm4, SampleChart.packaged(helm4, work.resolve("suspended"), "0.2.0"), registry, prefix);
    admin.resource(release(suspended, "paused", prefix, "0.1.0", "interval: 10s\nvalues: {greeting: before}\n")).create();
    OciHelmRelease ready = awaitReady(suspended, "paused", 1, r -> true);
    ConfigMap before = admin.configMaps().inNamespace(suspended).withName("paused-sample").get();

    edit(suspended, "paused", spec -> spec.setSuspend(true));
    edit(suspended, "paused", spec -> {
      spec.setValues(JSON.valueToTree(Map.of("greeting", "after")));
      spec.getChart().setVersion("0.2.0");
    });
    // Longer than the release's interval (10 s): neither the spec change nor the periodic
    // reconcile may touch anything.
    await().during(Duration.ofSeconds(15)).atMost(Duration.ofSeconds(30)).until(() -> {
      ConfigMap now = admin.configMaps().inNamespace(suspended).withName("paused-sample").get();
      OciHelmRelease release = get(suspended, "paused");
      return now.getMetadata().getResourceVersion().equals(before.getMetadata().getResourceVersion())
          && ready.getStatus().getLastAppliedRevision().equals(release.getStatus().getLastAppliedRevision())
          && ready.getStatus().getLastAppliedValuesChecksum().equals(release.getStatus().getLastAppliedValuesChecksum());
    });
    assertThat(history(helm4, suspended, "paused")).containsExactly("1 deployed");

    // resumed: the pending change is applied
    edit(suspended, "paused", spec -> spec.setSuspend(false));
    awaitReady(suspended, "paused", 4, r -> r.getStatus().getLastAppliedRevision().startsWith("0.2.0@"));
    assertThat(admin.configMaps().inNamespace(suspended).withName("paused-sample").get().getData())
        .containsEntry("greeting", "after");
  }

  @Test
  void adoptsAReleaseInstalledWithHelmWithoutRecreatingItsObjects() throws IOException {
    String prefix = "accept/" + adopted;
    SampleChart.push(helm4, SampleChart.packaged(helm4, work.resolve("adopted"), "0.1.0"), registry, prefix);
    helm4.run("install", "legacy", registry.ociReference(prefix + "/sample"), "--version", "0.1.0", "--plain-http",
        "-n", adopted, "--set", "greeting=from helm").requireSuccess();
    Map<String, String> uidsBefore = uids(adopted, "legacy-sample");
    assertThat(uidsBefore).hasSize(5);

    admin.resource(release(adopted, "legacy", prefix, "0.1.0", "values: {greeting: from helm}\n")).create();
    awaitReady(adopted, "legacy", 1, r -> true);

    assertThat(uids(adopted, "legacy-sample")).isEqualTo(uidsBefore);
    assertThat(admin.configMaps().inNamespace(adopted).withName("legacy-sample").get().getMetadata().getLabels())
        .containsKey("ocihelm.io/release");
    for (Helm helm : List.of(helm4, helm3)) {
      assertThat(history(helm, adopted, "legacy")).as("helm history of %s", name(helm))
          .containsExactly("1 superseded", "2 deployed");
      assertThat(values(helm, adopted, "legacy")).isEqualTo(JSON.readTree("{\"greeting\":\"from helm\"}"));
    }
  }

  // --- helpers -----------------------------------------------------------------------------------

  private static OciHelmRelease release(String namespace, String name, String prefix, String version, String moreSpec) {
    return release(registry, namespace, name, prefix, version, moreSpec);
  }

  private static OciHelmRelease release(
      Registry from, String namespace, String name, String prefix, String version, String moreSpec) {
    String yaml = """
        apiVersion: ocihelm.io/v1alpha1
        kind: OciHelmRelease
        metadata: {name: %s, namespace: %s}
        spec:
          chart: {repository: "%s", version: "%s"}
          plainHTTP: true
        %s""".formatted(name, namespace, from.ociReference(prefix + "/sample"), version, moreSpec.indent(2));
    return admin.getKubernetesSerialization().unmarshal(yaml, OciHelmRelease.class);
  }

  private static void basicAuthSecret(String namespace, String name, String username, String password) {
    admin.resource(new SecretBuilder().withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
        .withType("kubernetes.io/basic-auth")
        .addToStringData("username", username).addToStringData("password", password).build()).create();
  }

  private static void edit(String namespace, String name, Consumer<OciHelmReleaseSpec> change) {
    ReleaseEdits.editSpec(admin, namespace, name, change);
  }

  private static OciHelmRelease get(String namespace, String name) {
    return admin.resources(OciHelmRelease.class).inNamespace(namespace).withName(name).get();
  }

  private static Optional<Condition> ready(OciHelmRelease release) {
    if (release == null || release.getStatus() == null || release.getStatus().getConditions() == null) {
      return Optional.empty();
    }
    return release.getStatus().getConditions().stream().filter(c -> c.is(ConditionType.Ready)).findFirst();
  }

  /** Ready=True for {@code generation}, and whatever else {@code also} asks. */
  private static OciHelmRelease awaitReady(String namespace, String name, long generation, Predicate<OciHelmRelease> also) {
    try {
      return await().atMost(WITHIN).pollInterval(Duration.ofMillis(50)).until(() -> get(namespace, name),
          r -> ready(r).filter(c -> c.getStatus() == ConditionStatus.True
              && c.getObservedGeneration() != null && c.getObservedGeneration() == generation).isPresent()
              && also.test(r));
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("%s/%s not Ready at generation %d; status: %s%noperator log tail:%n%s".formatted(
          namespace, name, generation, statusOf(namespace, name), operator.logTail()), e);
    }
  }

  /** The Ready=False condition the operator settles on. */
  private static Condition awaitFailure(String namespace, String name) {
    try {
      return await().atMost(WITHIN).pollInterval(Duration.ofMillis(100)).until(
          () -> ready(get(namespace, name)).filter(c -> c.getStatus() == ConditionStatus.False
              && !"Progressing".equals(c.getReason())).orElse(null),
          c -> c != null);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError("%s/%s never Ready=False; status: %s%noperator log tail:%n%s".formatted(
          namespace, name, statusOf(namespace, name), operator.logTail()), e);
    }
  }

  private static String statusOf(String namespace, String name) {
    OciHelmRelease release = get(namespace, name);
    return release == null ? "(no release)" : JSON.valueToTree(release.getStatus()).toPrettyString();
  }

  /** {@code helm list -o json} as "name revision status chart" lines. */
  private static List<String> listed(Helm helm, String namespace) {
    return stream(helmJson(helm, "list", "-n", namespace, "-o", "json")).map(r -> r.get("name").asText() + " "
        + r.get("revision").asText() + " " + r.get("status").asText() + " " + r.get("chart").asText()).toList();
  }

  /** {@code helm history -o json} as "revision status" lines. */
  private static List<String> history(Helm helm, String namespace, String release) {
    return stream(helmJson(helm, "history", release, "-n", namespace, "-o", "json"))
        .map(r -> r.get("revision").asText() + " " + r.get("status").asText()).toList();
  }

  private static String name(Helm helm) {
    return helm == helm3 ? "helm 3" : "helm 4";
  }

  private static JsonNode values(Helm helm, String namespace, String release) {
    return helmJson(helm, "get", "values", release, "-n", namespace, "-o", "json");
  }

  private static java.util.stream.Stream<JsonNode> stream(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false);
  }

  private static JsonNode helmJson(Helm helm, String... args) {
    try {
      return JSON.readTree(helm.run(args).requireSuccess().stdout());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** kind/name → uid of the sample chart's five objects. */
  private static Map<String, String> uids(String namespace, String name) {
    List<HasMetadata> objects = new java.util.ArrayList<>();
    objects.add(admin.configMaps().inNamespace(namespace).withName(name).get());
    objects.add(admin.services().inNamespace(namespace).withName(name).get());
    objects.add(admin.serviceAccounts().inNamespace(namespace).withName(name).get());
    objects.add(admin.rbac().roles().inNamespace(namespace).withName(name).get());
    objects.add(admin.rbac().roleBindings().inNamespace(namespace).withName(name).get());
    Map<String, String> uids = new java.util.TreeMap<>();
    objects.stream().filter(java.util.Objects::nonNull)
        .forEach(o -> uids.put(o.getKind() + "/" + o.getMetadata().getName(), o.getMetadata().getUid()));
    return uids;
  }

  private static String serviceAccountToken() {
    try {
      String kubeconfig = Files.readString(operator.kubeconfig());
      return kubeconfig.lines().filter(l -> l.strip().startsWith("token:")).findFirst().orElseThrow()
          .strip().substring("token:".length()).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
