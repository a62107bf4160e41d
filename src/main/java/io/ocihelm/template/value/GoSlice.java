package io.ocihelm.template.value;

import java.util.AbstractList;
import java.util.List;
import java.util.RandomAccess;

/**
 * A Go slice with a concrete element type other than {@code interface {}}: {@code []string} (from
 * {@code splitList}, {@code toStrings}, {@code regexFindAll}, {@code .Files.Lines} ...) or {@code
 * []int} (from {@code until}). Elements are stored as their Java representation (String, Long).
 * Immutable: Sprig functions that "modify" a slice build a new {@code []interface {}}.
 */
public final class GoSlice extends AbstractList<Object> implements RandomAccess {
  private final String elementType;
  private final List<?> elements;

  private GoSlice(String elementType, List<?> elements) {
    this.elementType = elementType;
    this.elements = List.copyOf(elements);
  }

  /** A Go {@code []string}. */
  public static GoSlice ofStrings(List<String> strings) {
    return new GoSlice("string", strings);
  }

  /** A Go {@code []int}; elements are {@link Long}. */
  public static GoSlice ofInts(List<Long> ints) {
    return new GoSlice("int", ints);
  }

  /** A Go {@code [][]interface {}} (Sprig's {@code chunk}); elements are lists. */
  public static GoSlice ofLists(List<? extends List<?>> lists) {
    return new GoSlice("[]interface {}", lists);
  }

  /** Go's {@code s[from:to]}: the same element type, for functions that keep it (Sprig's slice). */
  public GoSlice slice(int from, int to) {
    return new GoSlice(elementType, elements.subList(from, to));
  }

  /** The Go element type, e.g. {@code string} or {@code int}. */
  public String elementType() {
    return elementType;
  }

  /** The Go type name as {@code %T} prints it, e.g. {@code []string}. */
  public String goTypeName() {
    return "[]" + elementType;
  }

  @Override
  public Object get(int index) {
    return elements.get(index);
  }

  @Override
  public int size() {
    return elements.size();
  }
}
