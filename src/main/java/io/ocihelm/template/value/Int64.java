package io.ocihelm.template.value;

/**
 * A Go {@code int64}. Plain Go {@code int} is a {@link Long}; the two print alike but differ for
 * {@code %T}, {@code kindOf}, {@code typeOf} and {@code reflect.DeepEqual} (so {@code has} and
 * {@code deepEqual}), which is why int64 has its own type.
 */
public record Int64(long value) {
  public static Int64 of(long value) {
    return new Int64(value);
  }

  @Override
  public String toString() {
    return Long.toString(value);
  }
}
