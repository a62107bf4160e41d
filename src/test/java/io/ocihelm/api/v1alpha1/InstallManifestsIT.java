package io.ocihelm.api.v1alpha1;

import io.ocihelm.testbed.ToolRun;
import io.ocihelm.testbed.Kubectl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBuilder;
import io.fabric8.kubernetes.api.model.rbac.RoleBindingBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.ocihelm.testbed.ControlPlane;
import io.ocihelm.testbed.TestBed;
import io.ocihelm.testbed.TestNamespace;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The install manifests on a real API server with RBAC: they apply cleanly, and the operator's
 * ServiceAccount gets what the operator needs and is refused what it must not have.
 */
@ExtendWith(TestBed.class)
class InstallManifestsIT {

  private static final String OPERATOR = "system:serviceaccount:ocihelm-system:ocihelm";

  /** What a ServiceAccount asks: verb on group/resource[/subresource] in namespace ("" = all). */
  record Access(String description, String verb, String group, String resource, String subresource, String namespace) {
    static Access of(String description, String verb, String group, String resource, String namespace) {
      return new Access(description, verb, group, resource, null, namespace);
    }

    Access sub(String subresource) {
      return new Access(description, verb, group, resource, subresource, namespace);
    }
  }

  @Test
  void crdsAndDeployApplyServerSide(ControlPlane controlPlane) {
    ToolRun result = InstalledApi.install(controlPlane);

    assertThat(result.exitCode()).as(result.stderr()).isZero();
    assertThat(result.stdout())
        .contains("customresourcedefinition.apiextensions.k8s.io/ocihelmreleases.ocihelm.io serverside-applied")
        .contains("namespace/ocihelm-system serverside-applied")
        .contains("serviceaccount/ocihelm serverside-applied")
        .contains("clusterrole.rbac.authorization.k8s.io/ocihelm-manager serverside-applied")
        .contains("deployment.apps/ocihelm serverside-applied");
    // the namespace warns about pod templates that break the restricted Pod Security Standard
    assertThat(result.stderr()).doesNotContain("PodSecurity");
    // Applying again is a no-op, as for any GitOps tool re-applying the manifests.
    assertThat(new Kubectl(controlPlane.kubeconfig()).run("apply", "--server-side", "--field-manager=ocihelm-install",
        "-f", "crds/", "-f", "deploy/").exitCode()).isZero();
  }

  @Test
  void operatorServiceAccountDoesWhatTheOperatorNeeds(ControlPlane controlPlane, TestNamespace ns) {
    InstalledApi.install(controlPlane).requireSuccess();
    KubernetesClient admin = controlPlane.adminClient();
    admin.resource(InstalledApi.minimalRelease(ns.name(), "rbac-probe")).create();

    try (KubernetesClient operator = controlPlane.clientFor("ocihelm-system", "ocihelm")) {
      // watch releases everywhere
      assertThat(operator.resources(OciHelmRelease.class).inAnyNamespace().list().getItems())
          .extracting(r -> r.getMetadata().getName())
          .contains("rbac-probe");
      // write status
      OciHelmRelease mine = operator.resources(OciHelmRelease.class).inNamespace(ns.name()).withName("rbac-probe").get();
      mine.setStatus(new OciHelmReleaseStatus());
      mine.getStatus().setObservedGeneration(1L);
      assertThat(operator.resource(mine).updateStatus().getStatus().getObservedGeneration()).isEqualTo(1L);
      // install what a chart renders, in any namespace
      operator.apps().deployments().inNamespace(ns.name()).resource(new DeploymentBuilder()
              .withNewMetadata().withName("web").endMetadata()
              .withNewSpec().withNewSelector().addToMatchLabels("app", "web").endSelector()
              .withNewTemplate().withNewMetadata().addToLabels("app", "web").endMetadata()
              .withNewSpec().addNewContainer().withName("web").withImage("nginx").endContainer().endSpec()
              .endTemplate().endSpec().build())
          .serverSideApply();
      // charts ship RBAC with rules the operator does not hold (escalate) and bind them (bind)
      ClusterRole chartRole = new ClusterRoleBuilder()
          .withMetadata(new ObjectMetaBuilder().withName(ns.name() + "-chart-role").build())
          .addNewRule().withApiGroups("*").withResources("*").withVerbs("*").endRule()
          .addNewRule().withNonResourceURLs("/metrics").withVerbs("get").endRule()
          .build();
      operator.resource(chartRole).create();
      operator.resource(new RoleBindingBuilder()
              .withNewMetadata().withName("chart-binding").withNamespace(ns.name()).endMetadata()
              .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("ClusterRole")
              .withName(chartRole.getMetadata().getName()).endRoleRef()
              .addNewSubject().withKind("ServiceAccount").withName("default").withNamespace(ns.name()).endSubject()
              .build())
          .create();
      admin.resource(chartRole).delete();
    }

    assertThat(allowed(admin, OPERATOR, Access.of("impersonate a release's ServiceAccount",
        "impersonate", "", "serviceaccounts", ns.name()))).isTrue();
    assertThat(allowed(admin, OPERATOR, Access.of("leader election", "update", "coordination.k8s.io",
        "leases", "ocihelm-system"))).isTrue();
  }

  static Stream<Access> deniedToTheOperator() {
    return Stream.of(
        Access.of("impersonate a user", "impersonate", "", "users", ""),
        Access.of("impersonate a group (system:masters)", "impersonate", "", "groups", ""),
        Access.of("approve certificate signing requests", "approve", "certificates.k8s.io", "signers", ""),
        Access.of("sign certificate signing requests", "sign", "certificates.k8s.io", "signers", ""));
  }

  @Test
  void operatorServiceAccountIsDeniedWhatItMustNotHave(ControlPlane controlPlane) {
    InstalledApi.install(controlPlane).requireSuccess();
    KubernetesClient admin = controlPlane.adminClient();

    assertThat(deniedToTheOperator())
        .allSatisfy(access -> assertThat(allowed(admin, OPERATOR, access)).as(access.description()).isFalse());
    assertThat(nonResourceAllowed(admin, OPERATOR, "/metrics")).as("GET /metrics").isFalse();

    // and for real: an impersonated request as a user is refused
    try (KubernetesClient operator = controlPlane.clientFor("ocihelm-system", "ocihelm")) {
      var config = new io.fabric8.kubernetes.client.ConfigBuilder(operator.getConfiguration())
          .withImpersonateUsername("alice").build();
      try (KubernetesClient asAlice = new io.fabric8.kubernetes.client.KubernetesClientBuilder().withConfig(config).build()) {
        assertThatThrownBy(() -> asAlice.namespaces().list())
            .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
      }
    }
  }

  @Test
  void restrictedVariantKeepsTheOperatorToItsOwnApi(ControlPlane controlPlane, TestNamespace ns) throws IOException {
    InstalledApi.install(controlPlane).requireSuccess();
    KubernetesClient admin = controlPlane.adminClient();
    // The restricted ClusterRoles as shipped, bound to a probe ServiceAccount of this test (the shared
    // operator account already holds the default variant).
    List<HasMetadata> restricted;
    try (InputStream in = new FileInputStream("deploy/restricted/rbac.yaml")) {
      restricted = admin.load(in).items();
    }
    restricted.stream().filter(ClusterRole.class::isInstance).forEach(role -> admin.resource(role).serverSideApply());
    String probe = "system:serviceaccount:" + ns.name() + ":restricted-operator";
    String bindingName = ns.name() + "-restricted";
    admin.resource(new ClusterRoleBindingBuilder()
            .withNewMetadata().withName(bindingName).endMetadata()
            .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("ClusterRole").withName("ocihelm-restricted").endRoleRef()
            .addNewSubject().withKind("ServiceAccount").withName("restricted-operator").withNamespace(ns.name()).endSubject()
            .build())
        .create();
    try {
      // tenant onboarding as documented: read credentials and values in this namespace only
      admin.resource(new RoleBindingBuilder()
              .withNewMetadata().withName("ocihelm-tenant").withNamespace(ns.name()).endMetadata()
              .withNewRoleRef().withApiGroup("rbac.authorization.k8s.io").withKind("ClusterRole").withName("ocihelm-tenant").endRoleRef()
              .addNewSubject().withKind("ServiceAccount").withName("restricted-operator").withNamespace(ns.name()).endSubject()
              .build())
          .create();

      Stream.of(
              Access.of("list releases everywhere", "list", "ocihelm.io", "ocihelmreleases", ""),
              Access.of("write status", "patch", "ocihelm.io", "ocihelmreleases", ns.name()).sub("status"),
              Access.of("impersonate the release's ServiceAccount", "impersonate", "", "serviceaccounts", ns.name()),
              Access.of("read credentials of an onboarded tenant", "get", "", "secrets", ns.name()))
          .forEach(access -> assertThat(allowed(admin, probe, access)).as(access.description()).isTrue());
      Stream.of(
              Access.of("create a Deployment itself", "create", "apps", "deployments", ns.name()),
              Access.of("read Secrets of kube-system", "get", "", "secrets", "kube-system"),
              Access.of("create a ClusterRole", "create", "rbac.authorization.k8s.io", "clusterroles", ""),
              Access.of("impersonate a user", "impersonate", "", "users", ""))
          .forEach(access -> assertThat(allowed(admin, probe, access)).as(access.description()).isFalse());
    } finally {
      admin.rbac().clusterRoleBindings().withName(bindingName).delete();
    }
  }

  private static boolean allowed(KubernetesClient admin, String user, Access access) {
    SubjectAccessReview review = new SubjectAccessReviewBuilder()
        .withNewSpec()
        .withUser(user)
        .withGroups(groupsOf(user))
        .withNewResourceAttributes()
        .withVerb(access.verb())
        .withGroup(access.group())
        .withResource(access.resource())
        .withSubresource(access.subresource())
        .withNamespace(access.namespace())
        .endResourceAttributes()
        .endSpec()
        .build();
    return admin.authorization().v1().subjectAccessReview().create(review).getStatus().getAllowed();
  }

  private static boolean nonResourceAllowed(KubernetesClient admin, String user, String path) {
    SubjectAccessReview review = new SubjectAccessReviewBuilder()
        .withNewSpec()
        .withUser(user)
        .withGroups(groupsOf(user))
        .withNewNonResourceAttributes().withVerb("get").withPath(path).endNonResourceAttributes()
        .endSpec()
        .build();
    return admin.authorization().v1().subjectAccessReview().create(review).getStatus().getAllowed();
  }

  /** The groups the API server gives a ServiceAccount token, so the review sees what a request would. */
  private static List<String> groupsOf(String serviceAccountUser) {
    String namespace = serviceAccountUser.split(":")[2];
    return List.of("system:serviceaccounts", "system:serviceaccounts:" + namespace, "system:authenticated");
  }
}
