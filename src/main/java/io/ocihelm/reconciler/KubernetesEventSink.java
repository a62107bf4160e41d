package io.ocihelm.reconciler;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.ocihelm.api.v1alpha1.OciHelmRelease;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Publishes {@link ReleaseEvents} as core/v1 Events in the release's namespace (what
 * {@code kubectl describe ohr} and {@code kubectl events} show). One POST per event; an event that
 * cannot be written is logged and dropped: events never fail a reconcile.
 */
public final class KubernetesEventSink implements ReleaseEvents.Sink {
  private static final Logger LOG = Logger.getLogger(KubernetesEventSink.class.getName());
  static final String COMPONENT = "ocihelm";

  private final KubernetesClient client;
  private final Clock clock;

  public KubernetesEventSink(KubernetesClient client, Clock clock) {
    this.client = client;
    this.clock = clock;
  }

  @Override
  public void publish(OciHelmRelease release, ReleaseEvents.ReleaseEvent event, String onceKey) {
    String namespace = release.getMetadata().getNamespace();
    String now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    // kubectl's naming (<object>.<hex time>); a once-only event gets a name derived from its key,
    // so a second create is refused by the API server instead of duplicating it.
    String name = release.getMetadata().getName() + "."
        + (onceKey == null ? Long.toHexString(epochNanos(Instant.now(clock)))
            : hash(release.getMetadata().getUid() + "/" + onceKey));
    Event kubeEvent = new EventBuilder()
        .withNewMetadata().withNamespace(namespace).withName(name).endMetadata()
        .withNewInvolvedObject()
          .withApiVersion(release.getApiVersion()).withKind(release.getKind())
          .withNamespace(namespace).withName(release.getMetadata().getName())
          .withUid(release.getMetadata().getUid()).withResourceVersion(release.getMetadata().getResourceVersion())
        .endInvolvedObject()
        .withType(event.type().name())
        .withReason(event.reason().name())
        .withMessage(event.message())
        .withFirstTimestamp(now).withLastTimestamp(now).withCount(1)
        .withNewSource().withComponent(COMPONENT).endSource()
        .withReportingComponent(COMPONENT)
        .withReportingInstance(COMPONENT)
        .build();
    try {
      client.v1().events().inNamespace(namespace).resource(kubeEvent).create();
    } catch (KubernetesClientException e) {
      if (onceKey != null && e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
        return; // published before (this process or an earlier one)
      }
      LOG.log(Level.WARNING, "event " + event.reason() + " on " + namespace + "/" + release.getMetadata().getName()
          + " not written: HTTP " + e.getCode());
    }
  }

  private static long epochNanos(Instant instant) {
    return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
  }

  private static String hash(String key) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }
}
