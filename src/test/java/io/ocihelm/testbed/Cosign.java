package io.ocihelm.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The real cosign (v2.6.5, {@link Tool#COSIGN}), isolated: its own HOME and Docker config, keys
 * protected by a fixed password, and offline signing (no Rekor upload, no Fulcio). Against the
 * bed's plain-HTTP registry on 127.0.0.1 no extra flag is needed: cosign's registry library talks
 * plain HTTP to loopback addresses by itself.
 */
public final class Cosign {
  /** What {@code COSIGN_PASSWORD} is set to for generated keys. */
  public static final String PASSWORD = "ocihelm-test";
  private static final Duration TIMEOUT = Duration.ofMinutes(2);
  /** A key pair written by {@code cosign generate-key-pair}: {@code cosign.key}, {@code cosign.pub}. */
  public record KeyPair(Path privateKey, Path publicKey) {
    public String publicKeyPem() {
      try {
        return Files.readString(publicKey, StandardCharsets.US_ASCII);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private final Path home;

  private Cosign(Path home) {
    this.home = home;
  }

  public static Cosign isolated(Path home) {
    return new Cosign(home);
  }

  /** {@code cosign generate-key-pair} in {@code dir} (created). */
  public KeyPair generateKeyPair(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    execute(dir, List.of("generate-key-pair")).requireSuccess();
    return new KeyPair(dir.resolve("cosign.key"), dir.resolve("cosign.pub"));
  }

  /**
   * {@code cosign sign --key … --tlog-upload=false --yes host/repo@digest}: the classic signature
   * tag {@code sha256-<hex>.sig} next to the chart, no transparency log.
   */
  public ToolRun sign(KeyPair key, String imageByDigest) {
    return run("sign", "--key", key.privateKey().toString(), "--tlog-upload=false", "--yes", imageByDigest);
  }

  /** {@code cosign verify --key … --insecure-ignore-tlog=true host/repo@digest}. */
  public ToolRun verify(KeyPair key, String imageByDigest) {
    return run("verify", "--key", key.publicKey().toString(), "--insecure-ignore-tlog=true", imageByDigest);
  }

  public ToolRun run(String... args) {
    return execute(home, Arrays.asList(args));
  }

  private ToolRun execute(Path workDir, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Tool.COSIGN.path().toString());
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
    Map<String, String> env = builder.environment();
    env.put("HOME", home.toString());
    env.put("DOCKER_CONFIG", home.resolve("docker").toString());
    env.put("COSIGN_PASSWORD", PASSWORD);
    env.put("TUF_ROOT", home.resolve("sigstore").toString());
    try {
      Files.createDirectories(home);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + home, e);
    }
    return ToolRun.of(builder, null, TIMEOUT);
  }
}
