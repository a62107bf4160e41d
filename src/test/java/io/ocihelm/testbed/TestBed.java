package io.ocihelm.testbed;

import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Locale;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 entry point to the test bed: {@code @ExtendWith(TestBed.class)} and declare what a test
 * needs as parameters (of test, lifecycle or constructor methods):
 *
 * <ul>
 *   <li>{@link ControlPlane}: the JVM's shared control plane (started on first use);
 *   <li>{@link KubernetesClient}: its cluster-admin client (shared, do not close);
 *   <li>{@link TestNamespace}: a fresh namespace for this test, deleted after it passes;
 *   <li>{@link Registry}: a shared registry, {@code ANONYMOUS} unless the parameter carries
 *       {@link RegistryVariant @RegistryVariant}.
 * </ul>
 *
 * <pre>{@code
 * @ExtendWith(TestBed.class)
 * class ReleaseIT {
 *   @Test
 *   void installs(KubernetesClient admin, TestNamespace ns, @RegistryVariant(Variant.TLS) Registry registry) { … }
 * }
 * }</pre>
 *
 * Everything is torn down at JVM exit, also when tests fail; see {@link ControlPlane} and {@link
 * Registry} for direct use without JUnit.
 */
public final class TestBed implements ParameterResolver, AfterEachCallback {

  private static final ExtensionContext.Namespace STORE = ExtensionContext.Namespace.create(TestBed.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    return type == ControlPlane.class
        || type == KubernetesClient.class
        || type == TestNamespace.class
        || type == Registry.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (type == ControlPlane.class) {
      return ControlPlane.shared();
    }
    if (type == KubernetesClient.class) {
      return ControlPlane.shared().adminClient();
    }
    if (type == Registry.class) {
      return Registry.shared(
          parameter.findAnnotation(RegistryVariant.class).map(RegistryVariant::value).orElse(Registry.Variant.ANONYMOUS));
    }
    if (type == TestNamespace.class) {
      if (context.getTestMethod().isEmpty()) {
        throw new ParameterResolutionException("TestNamespace is per test method; ask for it in the test method");
      }
      ExtensionContext.Store store = context.getStore(STORE);
      return store.getOrComputeIfAbsent(
          "namespace", key -> new TestNamespace(ControlPlane.shared().createNamespace(prefix(context))), TestNamespace.class);
    }
    throw new ParameterResolutionException("unsupported parameter " + parameter.getParameter());
  }

  @Override
  public void afterEach(ExtensionContext context) {
    TestNamespace namespace = context.getStore(STORE).remove("namespace", TestNamespace.class);
    if (namespace != null && context.getExecutionException().isEmpty()) {
      ControlPlane.shared().adminClient().namespaces().withName(namespace.name()).delete();
    }
  }

  /** A DNS-1123 label prefix from the test's name, so a namespace says which test made it. */
  private static String prefix(ExtensionContext context) {
    String name =
        (context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName())
            .replaceAll("([a-z0-9])([A-Z])", "$1-$2")
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9-]", "-");
    return name.length() > 50 ? name.substring(0, 50).replaceAll("-+$", "") : name;
  }
}
