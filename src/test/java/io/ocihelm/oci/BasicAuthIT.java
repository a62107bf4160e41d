package io.ocihelm.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** htpasswd registry: credentials from the config.json that {@code helm registry login} wrote. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BasicAuthIT {
  private LocalRegistry registry;
  private Path work;
  private String pushedDigest;

  @BeforeAll
  void start(@TempDir Path tempDir) throws Exception {
    work = tempDir;
    registry = LocalRegistry.start(LocalRegistry.Variant.BASIC_AUTH, work);
    registry.login();
    pushedDigest = registry.push(registry.packageChart("secured", "1.0.0", null, work.resolve("src")), "charts");
  }

  @AfterAll
  void stop() {
    if (registry != null) {
      registry.close();
    }
  }

  private PulledChart pullWith(CredentialStore credentials) {
    try (RegistryClient client = new RegistryClient(RegistryOptions.defaults()
        .withTls(h -> TlsOptions.PLAIN_HTTP).withCredentials(credentials))) {
      return new ChartPuller(client, BlobCache.inMemory(1 << 20))
          .pull(OciReference.parse(registry.ociReference("charts/secured")), "^1");
    }
  }

  @Test
  void credentialsFromHelmRegistryLoginConfig() {
    DockerConfig config = DockerConfig.load(work.resolve("helm/config/registry/config.json"));
    assertThat(config.lookup(registry.host()).username()).isEqualTo("ocihelm");
    assertThat(pullWith(config).digest()).isEqualTo(pushedDigest);
  }

  @Test
  void explicitUsernameAndPassword() {
    var c = registry.credentials().orElseThrow();
    assertThat(pullWith(CredentialStore.of(Credentials.basic(c.username(), c.password()))).digest())
        .isEqualTo(pushedDigest);
  }

  @Test
  void wrongPasswordIsAuthenticationFailed() {
    assertThatThrownBy(() -> pullWith(CredentialStore.of(Credentials.basic("ocihelm", "wrong"))))
        .isInstanceOf(AuthenticationFailedException.class)
        .hasMessageContaining("rejected the credentials")
        .hasMessageNotContaining("wrong");
  }

  @Test
  void anonymousIsAuthenticationFailed() {
    assertThatThrownBy(() -> pullWith(CredentialStore.ANONYMOUS))
        .isInstanceOf(AuthenticationFailedException.class)
        .hasMessageContaining("rejected anonymous access");
  }
}
