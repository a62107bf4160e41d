package io.ocihelm.apply.hook;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.KubernetesClientTimeoutException;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.ocihelm.apply.ApplyException;
import io.ocihelm.apply.Inventory;
import io.ocihelm.apply.ManifestObjects;
import io.ocihelm.apply.ServerSideApplier;
import io.ocihelm.render.Manifest;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs the hooks of one event like Helm's {@code execHook}: in {@link HookPlan} order, each one
 * deleted first when its policies say {@value HookPlan#BEFORE_HOOK_CREATION}, server-side applied,
 * waited for ({@link HookStatus}: Jobs and Pods, within the timeout, on a watch so the wait ends
 * when the status does); a failure deletes the hook when it says {@value HookPlan#HOOK_FAILED} and
 * stops the event; after all succeeded, those saying {@value HookPlan#HOOK_SUCCEEDED} are deleted
 * in reverse order.
 */
public final class HookRunner {
  private final KubernetesClient client;
  private final ServerSideApplier applier;
  private final Clock clock;

  public HookRunner(KubernetesClient client, ServerSideApplier applier, Clock clock) {
    this.client = client;
    this.applier = applier;
    this.clock = clock;
  }

  /**
   * @param event e.g. {@value HookPlan#PRE_INSTALL}
   * @param hooks every hook of the release (those of other events are left alone)
   * @param marks what to write into each hook's metadata
   * @param timeout for each hook's wait, as Helm's --timeout
   * @return how each hook of the event ran, in the order they ran
   * @throws HookFailedException naming the failed hook
   */
  public List<HookRun> run(
      String event, List<Manifest> hooks, String namespace, Consumer<HasMetadata> marks, Duration timeout) {
    List<HookRun> runs = new ArrayList<>();
    List<Manifest> planned = HookPlan.forEvent(hooks, event);
    for (Manifest hook : planned) {
      GenericKubernetesResource object = decode(hook);
      Inventory.Entry entry = null;
      HookRun run = null;
      try {
        if (HookPlan.deletes(hook, HookPlan.BEFORE_HOOK_CREATION)) {
          deleteAndWait(object, namespace, timeout);
        }
        run = new HookRun(hook, HookPlan.deletePolicies(hook), HookRun.RUNNING, clock.instant(), null);
        entry = applier.applyOne(object, namespace, marks, false);
        HookStatus outcome = await(entry, timeout);
        if (outcome instanceof HookStatus.Failed failed) {
          throw new HookWaitFailure(failed.message());
        }
        runs.add(run.finished(HookRun.SUCCEEDED, clock.instant()));
      } catch (ApplyException | HookWaitFailure e) {
        boolean isTransient = e instanceof ApplyException a && a.isTransient();
        if (run != null) {
          runs.add(run.finished(HookRun.FAILED, clock.instant()));
          if (HookPlan.deletes(hook, HookPlan.HOOK_FAILED)) {
            deleteQuietly(object, namespace, e);
          }
        }
        throw new HookFailedException(
            event + " hook " + hook.path() + " (" + hook.kind() + " " + hook.name() + ") failed: " + e.getMessage(),
            runs, isTransient, e);
      }
    }
    for (int i = runs.size() - 1; i >= 0; i--) {
      Manifest hook = runs.get(i).hook();
      if (HookPlan.deletes(hook, HookPlan.HOOK_SUCCEEDED)) {
        try {
          deleteAndWait(decode(hook), namespace, timeout);
        } catch (ApplyException e) {
          throw new HookFailedException(
              event + " hook " + hook.path() + " could not be deleted after success: " + e.getMessage(),
              runs, e.isTransient(), e);
        }
      }
    }
    return runs;
  }

  /** False when {@code namespace} is gone or terminating: hooks cannot be created there. */
  public boolean canRunIn(String namespace) {
    try {
      var live = client.namespaces().withName(namespace).get();
      return live != null && live.getMetadata().getDeletionTimestamp() == null;
    } catch (KubernetesClientException e) {
      throw ServerSideApplier.classify(new Inventory.Entry("v1", "Namespace", "", namespace), e);
    }
  }

  private static GenericKubernetesResource decode(Manifest hook) {
    try {
      return ManifestObjects.decode(List.of(hook)).getFirst();
    } catch (ManifestObjects.InvalidManifestException | java.util.NoSuchElementException e) {
      throw new HookFailedException("hook " + hook.path() + " is not an object: " + e.getMessage(), List.of(), false, e);
    }
  }

  private HookStatus await(Inventory.Entry entry, Duration timeout) {
    if (!HookStatus.isAwaited(entry.kind())) {
      return new HookStatus.Succeeded();
    }
    try {
      GenericKubernetesResource live = resource(entry).waitUntilCondition(
          r -> r != null && !(HookStatus.of(r) instanceof HookStatus.Running), timeout.toNanos(), TimeUnit.NANOSECONDS);
      return HookStatus.of(live);
    } catch (KubernetesClientTimeoutException e) {
      return new HookStatus.Failed("not finished within " + timeout);
    } catch (KubernetesClientException e) {
      throw ServerSideApplier.classify(entry, e);
    }
  }

  private void deleteAndWait(GenericKubernetesResource object, String namespace, Duration timeout) {
    Inventory.Entry entry = where(object, namespace);
    Resource<GenericKubernetesResource> resource = resource(entry);
    try {
      // Helm compat: background propagation, then wait until the object is gone.
      if (resource.withPropagationPolicy(io.fabric8.kubernetes.api.model.DeletionPropagation.BACKGROUND)
          .delete().isEmpty()) {
        return;
      }
      resource.waitUntilCondition(r -> r == null, timeout.toNanos(), TimeUnit.NANOSECONDS);
    } catch (KubernetesClientTimeoutException e) {
      throw new ApplyException(entry, "not deleted within " + timeout, false, e);
    } catch (KubernetesClientException e) {
      if (e.getCode() == 404) {
        return;
      }
      throw ServerSideApplier.classify(entry, e);
    }
  }

  private void deleteQuietly(GenericKubernetesResource object, String namespace, Exception failure) {
    try {
      Inventory.Entry entry = where(object, namespace);
      resource(entry).withPropagationPolicy(io.fabric8.kubernetes.api.model.DeletionPropagation.BACKGROUND).delete();
    } catch (KubernetesClientException e) {
      // The hook's failure is what gets reported; the failed clean-up travels with it.
      failure.addSuppressed(e);
    }
  }

  /** The entry of a hook object as applied: namespaced kinds without one are in {@code namespace}. */
  private Inventory.Entry where(GenericKubernetesResource object, String namespace) {
    GenericKubernetesResource copy = new GenericKubernetesResource();
    copy.setApiVersion(object.getApiVersion());
    copy.setKind(object.getKind());
    copy.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder(object.getMetadata()).build());
    return applier.place(copy, namespace);
  }

  private Resource<GenericKubernetesResource> resource(Inventory.Entry entry) {
    var kind = client.genericKubernetesResources(entry.apiVersion(), entry.kind());
    return entry.namespace().isEmpty()
        ? kind.withName(entry.name())
        : kind.inNamespace(entry.namespace()).withName(entry.name());
  }

  /** A Job or Pod hook that ended Failed or ran out of time. */
  private static final class HookWaitFailure extends RuntimeException {
    HookWaitFailure(String message) {
      super(message);
    }
  }
}
