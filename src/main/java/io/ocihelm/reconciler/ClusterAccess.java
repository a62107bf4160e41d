package io.ocihelm.reconciler;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.RequestConfig;
import io.fabric8.kubernetes.client.RequestConfigBuilder;
import io.ocihelm.apply.Pruner;
import io.ocihelm.apply.ResourceScopes;
import io.ocihelm.apply.ServerSideApplier;
import io.ocihelm.release.ReleaseStore;
import java.util.Collections;
import java.util.Map;
import java.util.function.Function;

/**
 * Who the cluster calls made for a release are made as. Without spec.serviceAccountName: the
 * operator itself (one set of tools for all such releases). With it: every apply, prune, release
 * record and uninstall impersonates {@code system:serviceaccount:<release namespace>:<name>}, so a
 * tenant's release can do exactly what its ServiceAccount may do.
 *
 * <p>Impersonating clients share the operator's HTTP client (fabric8's {@code newClient} with an
 * impersonating request config): a ServiceAccount costs a few objects, no connection pool. They
 * are kept per ServiceAccount, at most {@value #MAX_IDENTITIES}, least recently used evicted.
 * Discovery (is a kind namespaced?) is the same for every identity and stays shared.
 */
public final class ClusterAccess {
  static final int MAX_IDENTITIES = 256;

  /** The clients of one identity. */
  public record Tools(KubernetesClient client, ServerSideApplier applier, Pruner pruner, ReleaseStore store) {}

  private final KubernetesClient operator;
  private final Function<KubernetesClient, ServerSideApplier> appliers;
  private final Tools own;
  private final Map<String, Tools> impersonating = Collections.synchronizedMap(LeastRecentlyUsed.map(MAX_IDENTITIES));

  public ClusterAccess(KubernetesClient operator) {
    this(operator, identity -> new ServerSideApplier(identity, new ResourceScopes(operator)));
  }

  /** @param appliers an applier acting as the given client (sharing discovery and CRD waits) */
  public ClusterAccess(KubernetesClient operator, Function<KubernetesClient, ServerSideApplier> appliers) {
    this.operator = operator;
    this.appliers = appliers;
    this.own = tools(operator);
  }

  /** The username a release impersonates, or null when it runs as the operator. */
  public static String impersonatedUser(ReleaseRequest request) {
    String account = request.spec().getServiceAccountName();
    return account == null || account.isEmpty() ? null
        : "system:serviceaccount:" + request.namespace() + ":" + account;
  }

  public Tools forRelease(ReleaseRequest request) {
    String user = impersonatedUser(request);
    if (user == null) {
      return own;
    }
    synchronized (impersonating) {
      return impersonating.computeIfAbsent(user, this::impersonate);
    }
  }

  public ServerSideApplier applier(ReleaseRequest request) {
    return forRelease(request).applier();
  }

  public Pruner pruner(ReleaseRequest request) {
    return forRelease(request).pruner();
  }

  public ReleaseStore store(ReleaseRequest request) {
    return forRelease(request).store();
  }

  private Tools impersonate(String user) {
    // The apiserver adds the ServiceAccount's groups (system:serviceaccounts[:<ns>]) itself.
    RequestConfig config = new RequestConfigBuilder(operator.getConfiguration().getRequestConfig())
        .withImpersonateUsername(user)
        .withImpersonateGroups()
        .build();
    return tools(operator.newClient(config).adapt(KubernetesClient.class));
  }

  private Tools tools(KubernetesClient client) {
    return new Tools(client, appliers.apply(client), new Pruner(client), new ReleaseStore(client));
  }
}
