package io.ocihelm.assess;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.ocihelm.assess.Health.State;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every kstatus rule, by scenario: the live object as its controller would leave it, and the verdict. */
class HealthRulesTest {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  record Case(String name, String object, State state, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final String DEPLOYMENT = """
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: web, generation: 2}
      spec: {replicas: 2}
      """;

  static Stream<Case> cases() {
    return Stream.of(
        // Deployment
        new Case("deployment without status", DEPLOYMENT, State.IN_PROGRESS, "not yet observed by its controller"),
        new Case("deployment with an old observed generation", DEPLOYMENT + """
            status: {observedGeneration: 1, replicas: 2, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2,
              conditions: [{type: Available, status: "True"}]}
            """, State.IN_PROGRESS, "generation 2 not yet observed (observed 1)"),
        new Case("deployment rolling out", DEPLOYMENT + """
            status: {observedGeneration: 2, replicas: 3, updatedReplicas: 1, readyReplicas: 2, availableReplicas: 2}
            """, State.IN_PROGRESS, "1 of 2 replicas updated"),
        new Case("deployment with old replicas terminating", DEPLOYMENT + """
            status: {observedGeneration: 2, replicas: 3, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2}
            """, State.IN_PROGRESS, "1 old replicas pending termination"),
        new Case("deployment not ready", DEPLOYMENT + """
            status: {observedGeneration: 2, replicas: 2, updatedReplicas: 2, readyReplicas: 1, availableReplicas: 1}
            """, State.IN_PROGRESS, "1 of 2 replicas ready"),
        new Case("deployment ready not available", DEPLOYMENT + """
            status: {observedGeneration: 2, replicas: 2, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 1}
            """, State.IN_PROGRESS, "1 of 2 replicas available"),
        new Case("deployment without Available condition", DEPLOYMENT + """
            status: {observedGeneration: 2, replicas: 2, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2,
              conditions: [{type: Available, status: "False"}]}
            """, State.IN_PROGRESS, "not Available"),
        new Case("deployment past its progress deadline", DEPLOYMENT + """
            status: {observedGeneration: 2, conditions: [{type: Progressing, status: "False", reason: ProgressDeadlineExceeded}]}
            """, State.FAILED, "progress deadline exceeded"),
        new Case("deployment healthy", DEPLOYMENT + """
            status: {observedGeneration: 2, replicas: 2, updatedReplicas: 2, readyReplicas: 2, availableReplicas: 2,
              conditions: [{type: Available, status: "True"}, {type: Progressing, status: "True", reason: NewReplicaSetAvailable}]}
            """, State.CURRENT, ""),
        new Case("deployment defaults to one replica", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, generation: 1}
            status: {observedGeneration: 1, replicas: 1, updatedReplicas: 1, readyReplicas: 1, availableReplicas: 1,
              conditions: [{type: Available, status: "True"}]}
            """, State.CURRENT, ""),
        new Case("deployment scaled to zero", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, generation: 1}
            spec: {replicas: 0}
            status: {observedGeneration: 1, conditions: [{type: Available, status: "True"}]}
            """, State.CURRENT, ""),
        new Case("deployment being deleted", """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, generation: 1, deletionTimestamp: "2026-11-25T12:00:00Z"}
            """, State.IN_PROGRESS, "being deleted"),
        // StatefulSet
        new Case("statefulset not ready", """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db, generation: 1}
            spec: {replicas: 3}
            status: {observedGeneration: 1, replicas: 3, readyReplicas: 2, updatedReplicas: 3}
            """, State.IN_PROGRESS, "2 of 3 replicas ready"),
        new Case("statefulset rolling update", """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db, generation: 1}
            spec: {replicas: 2}
            status: {observedGeneration: 1, replicas: 2, readyReplicas: 2, updatedReplicas: 2, currentRevision: db-1, updateRevision: db-2}
            """, State.IN_PROGRESS, "rolling update to revision db-2 in progress"),
        new Case("statefulset with partition", """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db, generation: 1}
            spec: {replicas: 3, updateStrategy: {type: RollingUpdate, rollingUpdate: {partition: 2}}}
            status: {observedGeneration: 1, replicas: 3, readyReplicas: 3, updatedReplicas: 1, currentRevision: db-1, updateRevision: db-2}
            """, State.CURRENT, ""),
        new Case("statefulset on delete", """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db, generation: 1}
            spec: {replicas: 1, updateStrategy: {type: OnDelete}}
            status: {observedGeneration: 1, replicas: 1, readyReplicas: 1, updatedReplicas: 0, currentRevision: db-1, updateRevision: db-2}
            """, State.CURRENT, ""),
        new Case("statefulset healthy", """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata: {name: db, generation: 1}
            spec: {replicas: 2}
            status: {observedGeneration: 1, replicas: 2, readyReplicas: 2, updatedReplicas: 2, currentRevision: db-2, updateRevision: db-2}
            """, State.CURRENT, ""),
        // DaemonSet
        new Case("daemonset not available everywhere", """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: agent, generation: 1}
            status: {observedGeneration: 1, desiredNumberScheduled: 3, currentNumberScheduled: 3, updatedNumberScheduled: 3, numberReady: 3, numberAvailable: 2}
            """, State.IN_PROGRESS, "numberAvailable 2 of 3"),
        new Case("daemonset healthy", """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata: {name: agent, generation: 1}
            status: {observedGeneration: 1, desiredNumberScheduled: 2, currentNumberScheduled: 2, updatedNumberScheduled: 2, numberReady: 2, numberAvailable: 2}
            """, State.CURRENT, ""),
        // ReplicaSet
        new Case("replicaset with replica failure", """
            apiVersion: apps/v1
            kind: ReplicaSet
            metadata: {name: web-1, generation: 1}
            status: {observedGeneration: 1, conditions: [{type: ReplicaFailure, status: "True", message: quota exceeded}]}
            """, State.FAILED, "ReplicaFailure: quota exceeded"),
        new Case("replicaset not available", """
            apiVersion: apps/v1
            kind: ReplicaSet
            metadata: {name: web-1, generation: 1}
            spec: {replicas: 2}
            status: {observedGeneration: 1, replicas: 2, readyReplicas: 2, availableReplicas: 0}
            """, State.IN_PROGRESS, "0 of 2 replicas available"),
        new Case("replicaset healthy", """
            apiVersion: apps/v1
            kind: ReplicaSet
            metadata: {name: web-1, generation: 1}
            spec: {replicas: 2}
            status: {observedGeneration: 1, replicas: 2, readyReplicas: 2, availableReplicas: 2}
            """, State.CURRENT, ""),
        // Pod
        new Case("pod pending", """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            status: {phase: Pending}
            """, State.IN_PROGRESS, "phase Pending, not Ready"),
        new Case("pod never scheduled", """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            """, State.IN_PROGRESS, "not yet scheduled"),
        new Case("pod running not ready", """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            status: {phase: Running, conditions: [{type: Ready, status: "False"}]}
            """, State.IN_PROGRESS, "phase Running, not Ready"),
        new Case("pod running ready", """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            status: {phase: Running, conditions: [{type: Ready, status: "True"}]}
            """, State.CURRENT, ""),
        new Case("pod succeeded", """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            status: {phase: Succeeded}
            """, State.CURRENT, ""),
        new Case("pod failed", """
            apiVersion: v1
            kind: Pod
            metadata: {name: p}
            status: {phase: Failed, message: OOMKilled}
            """, State.FAILED, "pod failed: OOMKilled"),
        // Job
        new Case("job running", """
            apiVersion: batch/v1
            kind: Job
            metadata: {name: migrate}
            status: {active: 1}
            """, State.IN_PROGRESS, "not Complete"),
        new Case("job complete", """
            apiVersion: batch/v1
            kind: Job
            metadata: {name: migrate}
            status: {succeeded: 1, conditions: [{type: Complete, status: "True"}]}
            """, State.CURRENT, ""),
        new Case("job failed", """
            apiVersion: batch/v1
            kind: Job
            metadata: {name: migrate}
            status: {conditions: [{type: Failed, status: "True", reason: BackoffLimitExceeded, message: Job has reached the specified backoff limit}]}
            """, State.FAILED, "job failed: Job has reached the specified backoff limit"),
        // PersistentVolumeClaim
        new Case("pvc pending", """
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: data}
            status: {phase: Pending}
            """, State.IN_PROGRESS, "phase Pending, not Bound"),
        new Case("pvc bound", """
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata: {name: data}
            status: {phase: Bound}
            """, State.CURRENT, ""),
        // Service
        new Case("service cluster ip", """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec: {type: ClusterIP}
            """, State.CURRENT, ""),
        new Case("service load balancer without ingress", """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec: {type: LoadBalancer}
            status: {loadBalancer: {}}
            """, State.IN_PROGRESS, "load balancer has no ingress address yet"),
        new Case("service load balancer with ingress", """
            apiVersion: v1
            kind: Service
            metadata: {name: web}
            spec: {type: LoadBalancer}
            status: {loadBalancer: {ingress: [{ip: 192.0.2.1}]}}
            """, State.CURRENT, ""),
        // APIService, CRD
        new Case("apiservice unavailable", """
            apiVersion: apiregistration.k8s.io/v1
            kind: APIService
            metadata: {name: v1beta1.metrics.k8s.io}
            status: {conditions: [{type: Available, status: "False", message: service not found}]}
            """, State.IN_PROGRESS, "not Available: service not found"),
        new Case("apiservice available", """
            apiVersion: apiregistration.k8s.io/v1
            kind: APIService
            metadata: {name: v1beta1.metrics.k8s.io}
            status: {conditions: [{type: Available, status: "True"}]}
            """, State.CURRENT, ""),
        new Case("crd not established", """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: widgets.example.com}
            """, State.IN_PROGRESS, "not Established"),
        new Case("crd names not accepted", """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: widgets.example.com}
            status: {conditions: [{type: NamesAccepted, status: "False", message: plural is taken}]}
            """, State.FAILED, "names not accepted: plural is taken"),
        new Case("crd established", """
            apiVersion: apiextensions.k8s.io/v1
            kind: CustomResourceDefinition
            metadata: {name: widgets.example.com}
            status: {conditions: [{type: NamesAccepted, status: "True"}, {type: Established, status: "True"}]}
            """, State.CURRENT, ""),
        // Generic
        new Case("configmap exists", """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: settings}
            """, State.CURRENT, ""),
        new Case("custom resource with stale observed generation", """
            apiVersion: example.com/v1
            kind: Widget
            metadata: {name: w, generation: 3}
            status: {observedGeneration: 2, conditions: [{type: Ready, status: "True"}]}
            """, State.IN_PROGRESS, "generation 3 not yet observed (observed 2)"),
        new Case("custom resource not ready", """
            apiVersion: example.com/v1
            kind: Widget
            metadata: {name: w, generation: 1}
            status: {observedGeneration: 1, conditions: [{type: Ready, status: "False", message: waiting for backend}]}
            """, State.IN_PROGRESS, "Ready=False: waiting for backend"),
        new Case("custom resource reconciling", """
            apiVersion: example.com/v1
            kind: Widget
            metadata: {name: w, generation: 1}
            status: {conditions: [{type: Reconciling, status: "True", message: scaling}]}
            """, State.IN_PROGRESS, "Reconciling: scaling"),
        new Case("custom resource stalled", """
            apiVersion: example.com/v1
            kind: Widget
            metadata: {name: w, generation: 1}
            status: {conditions: [{type: Stalled, status: "True", message: bad config}]}
            """, State.FAILED, "Stalled: bad config"),
        new Case("custom resource ready", """
            apiVersion: example.com/v1
            kind: Widget
            metadata: {name: w, generation: 1}
            status: {observedGeneration: 1, conditions: [{type: Ready, status: "True"}]}
            """, State.CURRENT, ""),
        new Case("custom resource without status", """
            apiVersion: example.com/v1
            kind: Widget
            metadata: {name: w, generation: 1}
            """, State.CURRENT, ""));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void assessesByKind(Case c) throws Exception {
    GenericKubernetesResource object = YAML.readValue(c.object(), GenericKubernetesResource.class);

    Health health = HealthRules.assess(object);

    assertThat(health.state()).isEqualTo(c.state());
    assertThat(health.message()).isEqualTo(c.message());
  }

  @ParameterizedTest(name = "{0} {1}")
  @org.junit.jupiter.params.provider.CsvSource({
      "v1, ConfigMap, false",
      "v1, Secret, false",
      "rbac.authorization.k8s.io/v1, ClusterRoleBinding, false",
      "v1, Service, true",
      "apps/v1, Deployment, true",
      "example.com/v1, Widget, true"})
  void knowsWhichKindsAreHealthyOnceTheyExist(String apiVersion, String kind, boolean dependsOnState) {
    assertThat(HealthRules.dependsOnState(apiVersion, kind)).isEqualTo(dependsOnState);
  }
}
