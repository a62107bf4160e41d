package io.ocihelm.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolTest {

  @Test
  void missingToolFailsNamingTheProvisioningCommand(@TempDir Path emptyCache) {
    assertThatThrownBy(() -> Tool.KUBE_APISERVER.pathIn(emptyCache))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("kube-apiserver")
        .hasMessageContaining("e2e/provision.sh");
  }

  @Test
  void provisionedToolIsFoundInTheCacheBinDirectory(@TempDir Path cache) throws Exception {
    Path helm = Files.createDirectories(cache.resolve("bin")).resolve("helm");
    Files.createFile(helm, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));

    assertThat(Tool.HELM.pathIn(cache)).isEqualTo(helm);
  }
}
