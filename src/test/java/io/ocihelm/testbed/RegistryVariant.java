package io.ocihelm.testbed;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Chooses which shared {@link Registry} {@link TestBed} injects; without it, {@code ANONYMOUS}. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface RegistryVariant {
  Registry.Variant value();
}
