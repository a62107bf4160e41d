package io.ocihelm.reconciler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocihelm.api.v1alpha1.Condition;
import io.ocihelm.api.v1alpha1.ConditionStatus;
import io.ocihelm.api.v1alpha1.ConditionType;
import io.ocihelm.api.v1alpha1.OciHelmRelease;
import io.ocihelm.testbed.Helm;
import io.ocihelm.testbed.Registry;
import io.ocihelm.testbed.TestBed;
import io.ocihelm.testbed.TestNamespace;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * spec.serviceAccountName on the real API server: a tenant ServiceAccount with every right in
 * its namespace only installs there (objects and release records); a chart
 * with a cluster-scoped object, or an object in another namespace, fails with the API server's
 * Forbidden naming the ServiceAccount. The same chart without serviceAccountName (the operator's
 * own identity, cluster-admin here) installs: the refusal is the impersonation's.
 */
@ExtendWith(TestBed.class)
class ImpersonationIT {
  private static final String CLUSTER_ROLE = """
      apiVersion: rbac.authorization.k8s.io/v1
      kind: ClusterRole
      metadata:
        name: {{ .Release.Namespace }}-{{ .Release.Name }}-reader
      rules:
        - apiGroups: [""]
          resources: ["configmaps"]
          verbs: ["get"]
      """;
  private static final String ELSEWHERE = """
      apiVersion: v1
      kind: ConfigMap
      metadata:
        name: {{ .Release.Namespace }}-{{ .Release.Name }}-elsewhere
        namespace: default
      data: {}
      """;

  @Test
  void aTenantInstallsOnlyWhatItsServiceAccountMay(KubernetesClient admin, TestNamespace ns, Registry registry,
      @TempDir Path tmp) throws IOException {
    Helm helm = Helm.isolated(tmp.resolve("helm"));
    String prefix = "tenant/" + ns.name();
    OperatorHarness.push(helm, registry, tmp, prefix, "tenant", "0.1.0", Map.of("cm.yaml", OperatorHarness.CONFIGMAP));
    OperatorHarness.push(helm, registry, tmp, prefix, "tenant", "0.2.0",
        Map.of("cm.yaml", OperatorHarness.CONFIGMAP, "clusterrole.yaml", CLUSTER_ROLE));
    OperatorHarness.push(helm, registry, tmp, prefix, "tenant", "0.3.0",
        Map.of("cm.yaml", OperatorHarness.CONFIGMAP, "elsewhere.yaml", ELSEWHERE));
    String repository = registry.ociReference(prefix + "/tenant");
    admin.resource(new ServiceAccountBuilder().withNewMetadata().withName("deployer").withNamespace(ns.name())
        .endMetadata().build()).create();
    // Everything, in this namespace only. (The built-in admin ClusterRole is an aggregation that the
    // test bed's controller-manager does not fill.)
    admin.resource(new RoleBuilder().withNewMetadata().withName("tenant-admin").withNamespace(ns.name()).endMetadata()
        .addNewRule().withApiGroups("*").withResources("*").withVerbs("*").endRule().build()).create();
    admin.resource(new RoleBindingBuilder().withNewMetadata().withName("deployer-admin").withNamespace(ns.name())
        .endMetadata()
        .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("Role").withName("tenant-admin").endRoleRef()
        .addNewSubject().withKind("ServiceAccount").withName("deployer").withNamespace(ns.name()).endSubject()
        .build()).create();
    String user = "system:serviceaccount:" + ns.name() + ":deployer";

    try (OperatorHarness bed = new OperatorHarness(admin, ns.name())) {
      bed.create("team", repository, "0.1.0", spec -> spec.setServiceAccountName("deployer"));
      bed.awaitReady("team", c -> c.getStatus() == ConditionStatus.True);
      assertThat(admin.configMaps().inNamespace(ns.name()).withName("team-config").get()).isNotNull();
      assertThat(admin.secrets().inNamespace(ns.name()).withName("sh.helm.release.v1.team.v1").get()).isNotNull();

      // cluster-scoped: forbidden for the tenant
      bed.edit("team", spec -> spec.getChart().setVersion("0.2.0"));
      OciHelmRelease clusterScoped = bed.awaitReady("team", c -> c.getStatus() == ConditionStatus.False);
      Condition refused = OperatorHarness.condition(clusterScoped, ConditionType.Ready).orElseThrow();
      assertThat(refused.getReason()).isEqualTo("ApplyFailed");
      assertThat(refused.getMessage()).contains("forbidden").contains(user).contains("clusterroles");
      assertThat(admin.rbac().clusterRoles().withName(ns.name() + "-team-reader").get()).isNull();

      // another namespace: forbidden too
      bed.edit("team", spec -> spec.getChart().setVersion("0.3.0"));
      OciHelmRelease otherNamespace = bed.awaitReady("team", c -> c.getStatus() == ConditionStatus.False
          && c.getMessage().contains("default"));
      assertThat(OperatorHarness.condition(otherNamespace, ConditionType.Ready).orElseThrow().getMessage())
          .contains("forbidden").contains(user).contains("\"default\"");
      assertThat(admin.configMaps().inNamespace("default").withName(ns.name() + "-team-elsewhere").get()).isNull();

      // the same cluster-scoped chart as the operator itself: installed
      bed.create("control", repository, "0.2.0", spec -> {});
      bed.awaitReady("control", c -> c.getStatus() == ConditionStatus.True);
      assertThat(admin.rbac().clusterRoles().withName(ns.name() + "-control-reader").get()).isNotNull();

      // uninstall as the tenant, and of the control release (its ClusterRole must not outlive the test)
      admin.resources(OciHelmRelease.class).inNamespace(ns.name()).withName("team").delete();
      admin.resources(OciHelmRelease.class).inNamespace(ns.name()).withName("control").delete();
      await().atMost(OperatorHarness.WITHIN).until(() -> bed.get("team") == null && bed.get("control") == null);
      assertThat(admin.configMaps().inNamespace(ns.name()).withName("team-config").get()).isNull();
      assertThat(admin.rbac().clusterRoles().withName(ns.name() + "-control-reader").get()).isNull();
    }
  }
}
