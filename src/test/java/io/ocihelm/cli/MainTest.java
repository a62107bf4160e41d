package io.ocihelm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {
  @Test
  void mainClassIsLoadable() throws Exception {
    assertThat(Class.forName("io.ocihelm.cli.Main").getMethod("main", String[].class)).isNotNull();
  }
}
