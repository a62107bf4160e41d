package io.ocihelm.testbed;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A real Kubernetes control plane on 127.0.0.1: etcd, kube-apiserver (RBAC and Node authorization,
 * service-account token signing) and a kube-controller-manager running the namespace, garbage
 * collector and service-account controllers.
 *
 * <p>Starting one takes seconds, so a test JVM shares one ({@link #shared()}); tests isolate
 * themselves by namespace ({@link #createNamespace(String)}). It is torn down at JVM exit, and its
 * processes are killed even if the JVM is.
 *
 * <pre>{@code
 * ControlPlane cp = ControlPlane.shared();
 * String ns = cp.createNamespace("my-test");
 * cp.adminClient().configMaps().inNamespace(ns).resource(cm).serverSideApply();
 * KubernetesClient limited = cp.clientFor(ns, "reader");   // denied until RBAC allows it
 * }</pre>
 */
public final class ControlPlane implements AutoCloseable {

  /** Set this system property to {@code false} to run without kube-controller-manager. */
  public static final String CONTROLLER_MANAGER_PROPERTY = "ocihelm.testbed.controllerManager";

  private static final Duration START_TIMEOUT = Duration.ofMinutes(2);
  private static final String SERVICE_ACCOUNT_ISSUER = "https://kubernetes.default.svc.cluster.local";
  private static ControlPlane shared;
  private static RuntimeException sharedFailure;

  private final Path dir;
  private final CertificateAuthority ca;
  private final Path caFile;
  private final Path kubeconfig;
  private final URI apiServerUrl;
  private final List<ManagedProcess> processes = new ArrayList<>();
  private final Duration startupTime;
  private KubernetesClient adminClient;

  /**
   * The control plane shared by every test of this JVM, started on first use.
   *
   * @throws IllegalStateException when a tool is missing or the control plane cannot start
   */
  public static synchronized ControlPlane shared() {
    if (sharedFailure != null) {
      // One failed start per JVM: later tests fail at once with the same cause.
      throw new IllegalStateException("the shared control plane failed to start earlier", sharedFailure);
    }
    if (shared == null) {
      try {
        shared = new ControlPlane(TestBedDirectory.create("controlplane"));
      } catch (RuntimeException e) {
        sharedFailure = e;
        throw e;
      }
      System.getLogger(ControlPlane.class.getName())
          .log(System.Logger.Level.INFO, "control plane at {0} ready in {1} ms (logs in {2})",
              shared.apiServerUrl, shared.startupTime.toMillis(), shared.dir);
      Runtime.getRuntime().addShutdownHook(new Thread(shared::closeClients, "ocihelm-controlplane-clients"));
    }
    return shared;
  }

  private ControlPlane(Path dir) {
    Path etcd = Tool.ETCD.path();
    Path apiserver = Tool.KUBE_APISERVER.path();
    boolean withControllerManager =
        Boolean.parseBoolean(System.getProperty(CONTROLLER_MANAGER_PROPERTY, "true"));
    Path controllerManager = withControllerManager ? Tool.KUBE_CONTROLLER_MANAGER.path() : null;
    long start = System.nanoTime();
    this.dir = dir;
    this.ca = CertificateAuthority.create("ocihelm-testbed-kubernetes-ca");
    this.caFile = CertificateAuthority.write(dir.resolve("pki/ca.crt"), ca.root().certificatePem());
    var serving =
        ca.issueServer(
            "kube-apiserver",
            "kubernetes",
            "kubernetes.default",
            "kubernetes.default.svc",
            "kubernetes.default.svc.cluster.local");
    Path servingCert = CertificateAuthority.write(dir.resolve("pki/apiserver.crt"), serving.certificatePem());
    Path servingKey = CertificateAuthority.write(dir.resolve("pki/apiserver.key"), serving.privateKeyPem());
    KeyPair serviceAccountKeys = CertificateAuthority.newRsaKeyPair();
    Path saKey = CertificateAuthority.write(dir.resolve("pki/sa.key"), CertificateAuthority.pem(serviceAccountKeys.getPrivate()));
    Path saPub = CertificateAuthority.write(dir.resolve("pki/sa.pub"), CertificateAuthority.pem(serviceAccountKeys.getPublic()));
    var admin = ca.issueClient("ocihelm-admin", "system:masters");

    int etcdClientPort = LoopbackPort.free();
    int etcdPeerPort = LoopbackPort.free();
    int apiPort = LoopbackPort.free();
    this.apiServerUrl = URI.create("https://127.0.0.1:" + apiPort);
    this.kubeconfig =
        CertificateAuthority.write(
            dir.resolve("admin.kubeconfig"),
            kubeconfigYaml(
                Map.of(
                    "client-certificate-data", base64(admin.certificatePem()),
                    "client-key-data", base64(admin.privateKeyPem())),
                "default"));

    try {
      String etcdUrl = "http://127.0.0.1:" + etcdClientPort;
      String peerUrl = "http://127.0.0.1:" + etcdPeerPort;
      ManagedProcess etcdProcess =
          startProcess(
              "etcd",
              List.of(
                  etcd.toString(),
                  "--name=default",
                  "--data-dir=" + dir.resolve("etcd-data"),
                  "--listen-client-urls=" + etcdUrl,
                  "--advertise-client-urls=" + etcdUrl,
                  "--listen-peer-urls=" + peerUrl,
                  "--initial-advertise-peer-urls=" + peerUrl,
                  "--initial-cluster=default=" + peerUrl,
                  // Test data is disposable; fsync on a shared disk is most of etcd's latency.
                  "--unsafe-no-fsync=true",
                  "--log-level=warn"));
      HttpClient http = HttpClient.newBuilder().sslContext(ca.sslContext()).connectTimeout(Duration.ofSeconds(2)).build();
      etcdProcess.awaitReady(START_TIMEOUT, () -> httpOk(http, URI.create(etcdUrl + "/health")));

      ManagedProcess apiProcess =
          startProcess(
              "kube-apiserver",
              List.of(
                  apiserver.toString(),
                  "--etcd-servers=" + etcdUrl,
                  "--bind-address=127.0.0.1",
                  "--advertise-address=127.0.0.1",
                  // The endpoint reconciler refuses a loopback address; nothing here needs the
                  // in-cluster "kubernetes" Service endpoints.
                  "--endpoint-reconciler-type=none",
                  "--secure-port=" + apiPort,
                  "--cert-dir=" + dir.resolve("apiserver-certs"),
                  "--tls-cert-file=" + servingCert,
                  "--tls-private-key-file=" + servingKey,
                  "--client-ca-file=" + caFile,
                  "--authorization-mode=RBAC,Node",
                  "--service-account-issuer=" + SERVICE_ACCOUNT_ISSUER,
                  "--service-account-key-file=" + saPub,
                  "--service-account-signing-key-file=" + saKey,
                  "--service-cluster-ip-range=10.0.0.0/24",
                  "--allow-privileged=true",
                  "--profiling=false"));
      // /readyz is readable anonymously once RBAC's bootstrap roles exist, which is part of ready.
      apiProcess.awaitReady(START_TIMEOUT, () -> httpOk(http, apiServerUrl.resolve("/readyz")));

      if (controllerManager != null) {
        startProcess(
            "kube-controller-manager",
            List.of(
                controllerManager.toString(),
                "--kubeconfig=" + kubeconfig,
                "--authentication-kubeconfig=" + kubeconfig,
                "--authorization-kubeconfig=" + kubeconfig,
                "--bind-address=127.0.0.1",
                "--secure-port=" + LoopbackPort.free(),
                "--cert-dir=" + dir.resolve("controller-manager-certs"),
                "--leader-elect=false",
                "--use-service-account-credentials=false",
                // Only controllers that need no nodes; workload controllers would fight tests that
                // play the kubelet by patching status.
                "--controllers=namespace,garbagecollector,serviceaccount",
                "--service-account-private-key-file=" + saKey,
                "--root-ca-file=" + caFile));
      }
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    this.startupTime = Duration.ofNanos(System.nanoTime() - start);
  }

  /** The API server's base URL, {@code https://127.0.0.1:<port>}. */
  public URI apiServerUrl() {
    return apiServerUrl;
  }

  /** A kubeconfig file for a cluster admin (member of {@code system:masters}); for kubectl and helm. */
  public Path kubeconfig() {
    return kubeconfig;
  }

  /** The PEM file of the CA that signed the API server's certificate and the admin's. */
  public Path caFile() {
    return caFile;
  }

  /** How long etcd and the API server took to become ready. */
  public Duration startupTime() {
    return startupTime;
  }

  /** The fabric8 client of a cluster admin, shared; do not close it. */
  public synchronized KubernetesClient adminClient() {
    if (adminClient == null) {
      adminClient = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(kubeconfig.toFile())).build();
    }
    return adminClient;
  }

  /** Creates a namespace with a unique name starting with {@code prefix} and returns its name. */
  public String createNamespace(String prefix) {
    String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    adminClient().namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
    return name;
  }

  /**
   * A client that authenticates as ServiceAccount {@code namespace/name} with a token from the
   * TokenRequest API, so RBAC applies for real. The ServiceAccount is created when missing. The
   * caller closes the client.
   */
  public KubernetesClient clientFor(String namespace, String serviceAccount) {
    adminClient()
        .serviceAccounts()
        .inNamespace(namespace)
        .resource(new ServiceAccountBuilder().withNewMetadata().withName(serviceAccount).endMetadata().build())
        .serverSideApply();
    TokenRequest request =
        adminClient()
            .serviceAccounts()
            .inNamespace(namespace)
            .withName(serviceAccount)
            .tokenRequest(new TokenRequestBuilder().withNewSpec().withExpirationSeconds(3600L).endSpec().build());
    String token = request.getStatus().getToken();
    Config config = Config.fromKubeconfig(kubeconfigYaml(Map.of("token", token), namespace));
    return new KubernetesClientBuilder().withConfig(config).build();
  }

  /**
   * Writes a kubeconfig that authenticates as the existing ServiceAccount {@code namespace/name}
   * with a TokenRequest token valid for {@code lifetime}: for processes that must run with that
   * ServiceAccount's RBAC (the operator with the ServiceAccount of {@code deploy/}).
   */
  public Path writeServiceAccountKubeconfig(String namespace, String serviceAccount, Duration lifetime, Path file) {
    TokenRequest request =
        adminClient()
            .serviceAccounts()
            .inNamespace(namespace)
            .withName(serviceAccount)
            .tokenRequest(
                new TokenRequestBuilder().withNewSpec().withExpirationSeconds(lifetime.toSeconds()).endSpec().build());
    return CertificateAuthority.write(file, kubeconfigYaml(Map.of("token", request.getStatus().getToken()), namespace));
  }

  /** Stops the control plane; normally left to JVM exit. */
  @Override
  public void close() {
    closeClients();
    for (int i = processes.size() - 1; i >= 0; i--) {
      processes.get(i).close();
    }
  }

  private synchronized void closeClients() {
    if (adminClient != null) {
      adminClient.close();
      adminClient = null;
    }
  }

  private ManagedProcess startProcess(String name, List<String> command) {
    ManagedProcess process = ManagedProcess.start(name, command, dir.resolve(name + ".log"), Map.of());
    processes.add(process);
    return process;
  }

  private static boolean httpOk(HttpClient http, URI uri) throws Exception {
    HttpResponse<Void> response =
        http.send(
            HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
    return response.statusCode() == 200;
  }

  private String kubeconfigYaml(Map<String, String> user, String namespace) {
    StringBuilder userFields = new StringBuilder();
    user.forEach((key, value) -> userFields.append("    ").append(key).append(": ").append(value).append('\n'));
    return """
        apiVersion: v1
        kind: Config
        clusters:
        - name: ocihelm-testbed
          cluster:
            server: %s
            certificate-authority-data: %s
        users:
        - name: user
          user:
        %scontexts:
        - name: ocihelm-testbed
          context:
            cluster: ocihelm-testbed
            user: user
            namespace: %s
        current-context: ocihelm-testbed
        """
        .formatted(apiServerUrl, base64(ca.root().certificatePem()), userFields, namespace);
  }

  private static String base64(String text) {
    return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }
}
