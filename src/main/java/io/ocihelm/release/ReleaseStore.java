package io.ocihelm.release;

import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Release records in the cluster, kept the way Helm's secrets driver keeps them, so the helm CLI
 * and ocihelm read and continue each other's history.
 *
 * <p>A revision is written in two steps, like Helm: {@link #begin} creates it {@code
 * pending-install}/{@code pending-upgrade} before anything is applied, then {@link #markDeployed}
 * or {@link #markFailed} settles it. A crash in between leaves a pending record, which is what
 * helm also leaves (and what makes a concurrent {@code helm upgrade} refuse to run).
 *
 * <p>Every call goes to the API server (no cache): one list per {@link #history}, one write per
 * record changed.
 */
public final class ReleaseStore {

  /** Records kept per release unless configured otherwise (Flux's and our default). */
  public static final int DEFAULT_MAX_HISTORY = 5;

  private static final String INSTALL_COMPLETE = "Install complete";
  private static final String UPGRADE_COMPLETE = "Upgrade complete";

  private final KubernetesClient client;
  private final int maxHistory;
  private final Clock clock;

  /** A store keeping {@value #DEFAULT_MAX_HISTORY} records per release. */
  public ReleaseStore(KubernetesClient client) {
    this(client, DEFAULT_MAX_HISTORY, Clock.systemUTC());
  }

  /**
   * @param maxHistory records kept per release, at least 1 (the last deployed one is always kept)
   * @param clock source of {@code last_deployed} and the {@code modifiedAt} label
   */
  public ReleaseStore(KubernetesClient client, int maxHistory, Clock clock) {
    if (maxHistory < 1) {
      throw new IllegalArgumentException("maxHistory must be at least 1, got " + maxHistory);
    }
    this.client = client;
    this.maxHistory = maxHistory;
    this.clock = clock;
  }

  /** Every stored revision of {@code name} in {@code namespace} (label selector {@code owner=helm,name=<name>}). */
  public ReleaseHistory history(String namespace, String name) {
    List<Secret> secrets =
        client
            .secrets()
            .inNamespace(namespace)
            .withLabel(ReleaseRecordCodec.LABEL_OWNER, ReleaseRecordCodec.OWNER)
            .withLabel(ReleaseRecordCodec.LABEL_NAME, name)
            .list()
            .getItems();
    List<ReleaseRecord> records = new ArrayList<>(secrets.size());
    for (Secret secret : secrets) {
      // Helm compat: helm's driver lists by label, then trusts the JSON; we also skip Secrets that
      // carry the labels but are not release records (a label match is not proof of ownership).
      if (ReleaseRecordCodec.SECRET_TYPE.equals(secret.getType())) {
        records.add(ReleaseRecordCodec.fromSecret(secret));
      }
    }
    return new ReleaseHistory(namespace, name, records);
  }

  /**
   * Creates the next revision of the release as {@code pending-install} (no history) or {@code
   * pending-upgrade}, numbered after whatever {@code history} holds (helm's revisions included).
   *
   * @param history the release's history as just read (see {@link #history})
   * @throws ReleaseConflictException when that revision already exists (someone wrote it meanwhile)
   */
  public ReleaseRecord begin(ReleaseHistory history, ReleaseDraft draft) {
    requireSameRelease(history, draft);
    Instant now = clock.instant();
    Instant firstDeployed =
        history.revisions().stream()
            .map(ReleaseRecord::info)
            .filter(info -> info != null && info.firstDeployed() != null)
            .map(ReleaseInfo::firstDeployed)
            .findFirst()
            .orElse(now);
    ReleaseStatus status = history.isEmpty() ? ReleaseStatus.PENDING_INSTALL : ReleaseStatus.PENDING_UPGRADE;
    String description = history.isEmpty() ? "Initial install underway" : "Preparing upgrade";
    ReleaseRecord record =
        new ReleaseRecord(
            draft.name(),
            ReleaseInfo.of(firstDeployed, now, status, description, draft.notes()),
            draft.chart(),
            draft.config(),
            draft.manifest(),
            draft.hooks(),
            history.nextVersion(),
            draft.namespace(),
            ReleaseRecord.APPLY_METHOD_SERVER_SIDE,
            // Custom labels (helm --labels) carry over to later revisions, as helm upgrade does.
            history.latest().map(ReleaseRecord::labels).orElse(null),
            null);
    create(record);
    return record;
  }

  /**
   * Creates the next revision as a copy of {@code target} (chart, values, manifest, hooks, notes)
   * with status {@code pending-rollback} and description "Rollback to N"; settle it with {@link
   * #markDeployed} (which supersedes the older deployed revisions) or {@link #markFailed}.
   *
   * <p>Helm compat: {@code helm rollback} writes exactly this record before it applies the target's
   * manifest; the revision that failed keeps its status {@code failed}.
   */
  public ReleaseRecord beginRollback(ReleaseHistory history, ReleaseRecord target) {
    Instant now = clock.instant();
    Instant firstDeployed = history.revisions().stream()
        .map(ReleaseRecord::info)
        .filter(info -> info != null && info.firstDeployed() != null)
        .map(ReleaseInfo::firstDeployed)
        .findFirst()
        .orElse(now);
    String notes = target.info() == null ? null : target.info().notes();
    ReleaseRecord record =
        new ReleaseRecord(
            target.name(),
            ReleaseInfo.of(firstDeployed, now, ReleaseStatus.PENDING_ROLLBACK, "Rollback to " + target.version(), notes),
            target.chart(),
            target.config(),
            target.manifest(),
            target.hooks(),
            history.nextVersion(),
            target.namespace(),
            ReleaseRecord.APPLY_METHOD_SERVER_SIDE,
            history.latest().map(ReleaseRecord::labels).orElse(null),
            null);
    create(record);
    return record;
  }

  /**
   * Settles a revision from {@link #begin} as deployed: every older deployed revision becomes
   * superseded, then history beyond the limit is deleted. The description is the draft's, or
   * Helm's "Install complete" / "Upgrade complete".
   */
  public ReleaseRecord markDeployed(ReleaseRecord pending, String description) {
    String text =
        description != null ? description : pending.status() == ReleaseStatus.PENDING_INSTALL ? INSTALL_COMPLETE : UPGRADE_COMPLETE;
    ReleaseRecord deployed = pending.withStatus(ReleaseStatus.DEPLOYED, text);
    update(deployed);
    ReleaseHistory history = history(pending.namespace(), pending.name());
    for (ReleaseRecord older : history.revisions()) {
      if (older.version() < deployed.version() && older.status() == ReleaseStatus.DEPLOYED) {
        update(older.withStatus(ReleaseStatus.SUPERSEDED, older.info().description()));
      }
    }
    prune(history(pending.namespace(), pending.name()));
    return deployed;
  }

  /**
   * Settles a revision from {@link #begin} as failed; the previously deployed revision stays
   * deployed (it is still what runs), as after a failed {@code helm upgrade}.
   *
   * @param description what failed, e.g. {@code Upgrade "web" failed: …} (shown by {@code helm history})
   */
  public ReleaseRecord markFailed(ReleaseRecord pending, String description) {
    ReleaseRecord failed = pending.withStatus(ReleaseStatus.FAILED, description);
    update(failed);
    prune(history(pending.namespace(), pending.name()));
    return failed;
  }

  /** {@link #history}, {@link #begin} and {@link #markDeployed} in one call. */
  public ReleaseRecord recordDeployed(ReleaseDraft draft) {
    ReleaseRecord pending = begin(history(draft.namespace(), draft.name()), draft);
    return markDeployed(pending, draft.description());
  }

  /** Deletes every record of the release (what {@code helm uninstall} without --keep-history leaves). */
  public void deleteAll(String namespace, String name) {
    for (ReleaseRecord record : history(namespace, name).revisions()) {
      delete(record);
    }
  }

  /**
   * Deletes the oldest records until at most {@code maxHistory} remain, never the newest deployed
   * one (Helm's rule: the running revision's record must survive, for rollback and drift).
   */
  void prune(ReleaseHistory history) {
    ReleaseRecord keep = history.lastDeployed().orElse(null);
    int excess = history.revisions().size() - maxHistory;
    for (ReleaseRecord record : history.revisions()) {
      if (excess <= 0) {
        break;
      }
      if (record != keep) {
        delete(record);
        excess--;
      }
    }
  }

  private void create(ReleaseRecord record) {
    Secret secret = ReleaseRecordCodec.toSecret(record, clock.instant());
    try {
      client.secrets().inNamespace(record.namespace()).resource(secret).create();
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
        throw new ReleaseConflictException(
            "revision " + record.version() + " of release " + record.namespace() + "/" + record.name() + " already exists", e);
      }
      throw e;
    }
  }

  private void update(ReleaseRecord record) {
    // Helm compat: helm's driver updates a record unconditionally (no resourceVersion); so do we,
    // since a record is only rewritten to change its status.
    Secret secret = ReleaseRecordCodec.toSecret(record, clock.instant());
    try {
      client.secrets().inNamespace(record.namespace()).resource(secret).update();
    } catch (KubernetesClientException e) {
      if (e.getCode() == HttpURLConnection.HTTP_CONFLICT || e.getCode() == HttpURLConnection.HTTP_NOT_FOUND) {
        throw new ReleaseConflictException(
            "revision " + record.version() + " of release " + record.namespace() + "/" + record.name() + " changed meanwhile", e);
      }
      throw e;
    }
  }

  private void delete(ReleaseRecord record) {
    client
        .secrets()
        .inNamespace(record.namespace())
        .withName(ReleaseRecordCodec.secretName(record.name(), record.version()))
        .delete();
  }

  private static void requireSameRelease(ReleaseHistory history, ReleaseDraft draft) {
    if (!history.namespace().equals(draft.namespace()) || !history.name().equals(draft.name())) {
      throw new IllegalArgumentException(
          "history of " + history.namespace() + "/" + history.name() + " given for release " + draft.namespace() + "/" + draft.name());
    }
  }
}
