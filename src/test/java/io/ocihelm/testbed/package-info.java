/**
 * The test bed: real components on 127.0.0.1 for tests that need more than pure code.
 *
 * <ul>
 *   <li>{@link io.ocihelm.testbed.ControlPlane} — etcd + kube-apiserver (RBAC, service-account
 *       tokens) + kube-controller-manager, one per test JVM; admin client and kubeconfig, and
 *       {@code clientFor(namespace, serviceAccount)} to test RBAC for real.
 *   <li>{@link io.ocihelm.testbed.Registry} — the distribution registry in four {@link
 *       io.ocihelm.testbed.Registry.Variant variants} (anonymous HTTP, htpasswd, bearer token via
 *       {@link io.ocihelm.testbed.TokenServer}, TLS with a generated CA).
 *   <li>{@link io.ocihelm.testbed.Helm} — the real helm 4.1.4 (or 3.17.3) with an isolated home.
 *   <li>{@link io.ocihelm.testbed.TestBed} — the JUnit 5 extension that injects all of the above
 *       as test parameters, plus a fresh {@link io.ocihelm.testbed.TestNamespace} per test.
 *   <li>{@link io.ocihelm.testbed.Tool} — where the provisioned binaries are; fails naming {@code
 *       e2e/provision.sh} when one is missing.
 * </ul>
 *
 * Processes are always torn down: at JVM exit by a shutdown hook, and by a watchdog if the JVM is
 * killed. Tests share the control plane and registries, so they isolate by namespace and by
 * repository name. See docs/testbed.md.
 */
package io.ocihelm.testbed;
