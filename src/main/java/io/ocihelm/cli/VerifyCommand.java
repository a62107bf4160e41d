package io.ocihelm.cli;

import io.ocihelm.oci.OciReference;
import io.ocihelm.oci.RegistryClient;
import io.ocihelm.oci.ResolvedReference;
import io.ocihelm.oci.cosign.CosignPublicKeys;
import io.ocihelm.oci.cosign.CosignVerifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code ocihelm verify oci://… --key cosign.pub}: the check an OciHelmRelease with
 * spec.verify.cosign makes before installing, from the command line (offline, like {@code cosign
 * verify --key … --insecure-ignore-tlog=true}).
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = "check that a chart's manifest digest carries a cosign signature by one of the given public keys"
        + " (offline: no transparency log)")
public final class VerifyCommand implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "CHART", description = "oci://host/path/name[:tag|@digest]")
  String chart;

  @Option(names = "--version", description = "version or constraint (default: latest stable)")
  String version;

  @Option(names = "--key", required = true, paramLabel = "FILE",
      description = "PEM public key file (cosign.pub); repeat for several, any of them may have signed")
  List<Path> keys;

  @Mixin RegistryFlags registry;

  @Spec CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    Map<String, byte[]> entries = new LinkedHashMap<>();
    for (Path key : keys) {
      entries.put(key.toString(), Files.readAllBytes(key));
    }
    CosignPublicKeys trusted = CosignPublicKeys.fromSecretData("--key", entries);
    OciReference ref = OciReference.parse(chart);
    try (RegistryClient client = new RegistryClient(registry.toOptions())) {
      OciReference target;
      String digest;
      if (ref.digest() != null && (version == null || version.isBlank())) {
        target = ref;
        digest = ref.digest();
      } else {
        ResolvedReference resolved = client.resolve(ref, version);
        target = resolved.reference();
        digest = client.headManifest(target).digest();
      }
      CosignVerifier.VerifiedSignature signature = new CosignVerifier(client).verify(target, digest, trusted);
      spec.commandLine().getOut().println("Verified: " + target.registry() + "/" + target.repository()
          + target.tagOrEmpty().map(t -> ":" + t).orElse("") + "@" + digest + " is signed by key " + signature.keyName()
          + " (" + signature.signatureTag() + "; offline: no transparency log)");
      spec.commandLine().getOut().flush();
    }
    return 0;
  }
}
