package io.ocihelm.apply;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupList;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.VersionInfo;
import io.ocihelm.render.Capabilities;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * {@code .Capabilities} of the cluster, as {@code helm install} builds it: KubeVersion from the
 * server's version, APIVersions from discovery (every group version, and {@code <groupVersion>/<Kind>}
 * for each resource). One discovery for all releases, kept until {@link #invalidate()} (a CRD was
 * established) or {@code maxAge} passes (CRDs installed by others).
 */
public final class ClusterCapabilities implements Supplier<Capabilities> {
  private record Known(Capabilities capabilities, Instant at) {}

  private final KubernetesClient client;
  private final Clock clock;
  private final Duration maxAge;
  private volatile Known known;

  public ClusterCapabilities(KubernetesClient client, Clock clock, Duration maxAge) {
    this.client = client;
    this.clock = clock;
    this.maxAge = maxAge;
  }

  /** @throws KubernetesClientException when the server's version or groups cannot be read */
  @Override
  public Capabilities get() {
    Known current = known;
    if (current != null && current.at().plus(maxAge).isAfter(clock.instant())) {
      return current.capabilities();
    }
    synchronized (this) {
      if (known == current) {
        known = new Known(discover(), clock.instant());
      }
      return known.capabilities();
    }
  }

  /** The served kinds changed: the next {@link #get()} asks discovery again. */
  public void invalidate() {
    known = null;
  }

  private Capabilities discover() {
    VersionInfo version = client.getKubernetesVersion();
    List<String> groupVersions = new ArrayList<>();
    groupVersions.add("v1");
    APIGroupList groups = client.getApiGroups();
    if (groups != null && groups.getGroups() != null) {
      for (APIGroup group : groups.getGroups()) {
        for (GroupVersionForDiscovery gv : group.getVersions()) {
          groupVersions.add(gv.getGroupVersion());
        }
      }
    }
    // Helm compat: Helm collects these in a Go map, so its order is random; ours is sorted.
    TreeSet<String> versions = new TreeSet<>();
    for (String groupVersion : groupVersions) {
      versions.add(groupVersion);
      APIResourceList resources;
      try {
        resources = client.getApiResources(groupVersion);
      } catch (KubernetesClientException e) {
        // Helm compat: a group whose discovery fails (an aggregated API down) is left out, not fatal.
        continue;
      }
      if (resources == null || resources.getResources() == null) {
        continue;
      }
      for (APIResource resource : resources.getResources()) {
        versions.add(groupVersion + "/" + resource.getKind());
      }
    }
    Capabilities.KubeVersion kubeVersion =
        new Capabilities.KubeVersion(version.getGitVersion(), version.getMajor(), version.getMinor());
    return new Capabilities(kubeVersion, List.copyOf(versions), Capabilities.HelmVersion.HELM_4_1_4);
  }
}
