package io.ocihelm.testbed;

/**
 * A namespace created for one test by {@link TestBed}: unique name, deleted after the test passes
 * (kept after a failure, for a look with {@code kubectl --kubeconfig <ControlPlane.kubeconfig()>}).
 *
 * @param name the namespace's name
 */
public record TestNamespace(String name) {}
