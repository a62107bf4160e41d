package io.ocihelm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocihelm.testbed.ToolRun;
import io.ocihelm.testbed.Cosign;
import io.ocihelm.testbed.Helm;
import io.ocihelm.testbed.Registry;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ocihelm verify} on charts signed (or not) by the real cosign, and cosign's own verdicts. */
class VerifyCommandIT {
  private static final Pattern PUSHED_DIGEST = Pattern.compile("Digest: (sha256:[0-9a-f]{64})");

  record Run(int exitCode, String stdout, String stderr) {}

  @Test
  void acceptsWhatCosignVerifyAcceptsAndRejectsTheRest(@TempDir Path tmp) throws java.io.IOException {
    Registry registry = Registry.shared(Registry.Variant.ANONYMOUS);
    Helm helm = Helm.isolated(tmp.resolve("helm"));
    String prefix = "cli-verify/" + tmp.getFileName();
    ToolRun pushed = helm.push(helm.createAndPackage("signme", "1.0.0", tmp), registry, prefix).requireSuccess();
    Matcher m = PUSHED_DIGEST.matcher(pushed.stdout() + pushed.stderr());
    assertThat(m.find()).isTrue();
    String digest = m.group(1);
    helm.push(helm.createAndPackage("signme", "2.0.0", java.nio.file.Files.createDirectories(tmp.resolve("v2"))),
        registry, prefix).requireSuccess();

    Cosign cosign = Cosign.isolated(tmp.resolve("cosign"));
    Cosign.KeyPair trusted = cosign.generateKeyPair(tmp.resolve("keys/trusted"));
    Cosign.KeyPair other = cosign.generateKeyPair(tmp.resolve("keys/other"));
    String image = registry.host() + "/" + prefix + "/signme@" + digest;
    cosign.sign(trusted, image).requireSuccess();
    String chart = registry.ociReference(prefix + "/signme");

    cosign.verify(trusted, image).requireSuccess();
    Run ok = ocihelm("verify", chart, "--version", "1.0.0", "--key", trusted.publicKey().toString(), "--plain-http");
    assertThat(ok.exitCode()).as(ok.stderr()).isZero();
    assertThat(ok.stdout()).isEqualTo("Verified: " + registry.host() + "/" + prefix + "/signme:1.0.0@" + digest
        + " is signed by key " + trusted.publicKey() + " (" + digest.replace(':', '-') + ".sig; offline: no transparency log)\n");
    // either of two keys
    assertThat(ocihelm("verify", chart + "@" + digest, "--key", other.publicKey().toString(),
        "--key", trusted.publicKey().toString(), "--plain-http").exitCode()).isZero();

    assertThat(cosign.verify(other, image).exitCode()).isNotZero();
    Run wrongKey = ocihelm("verify", chart, "--version", "1.0.0", "--key", other.publicKey().toString(), "--plain-http");
    assertThat(wrongKey.exitCode()).isEqualTo(1);
    assertThat(wrongKey.stderr()).startsWith("Error: no signature of " + digest).contains("signed by none of them");

    Run unsigned = ocihelm("verify", chart, "--version", "2.0.0", "--key", trusted.publicKey().toString(), "--plain-http");
    assertThat(unsigned.exitCode()).isEqualTo(1);
    assertThat(unsigned.stderr()).startsWith("Error: no cosign signature for sha256:");
  }

  private static Run ocihelm(String... args) {
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    int code = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
