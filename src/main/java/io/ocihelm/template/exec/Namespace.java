package io.ocihelm.template.exec;

import io.ocihelm.template.Limits;
import io.ocihelm.template.function.FunctionRegistry;
import io.ocihelm.template.parse.Tree;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The templates one execution can call by name: a chart's shared namespace, or (for Helm's tpl) a
 * child that sees its parent's templates and adds its own without changing the parent. Trees are
 * immutable, so a namespace is read concurrently once parsing is done.
 */
public final class Namespace {
  private final String rootName;
  private final FunctionRegistry functions;
  private final Limits limits;
  private final Map<String, Tree> trees = new ConcurrentHashMap<>();
  private final Namespace parent;

  public Namespace(String rootName, FunctionRegistry functions, Limits limits) {
    this(rootName, functions, limits, null);
  }

  private Namespace(String rootName, FunctionRegistry functions, Limits limits, Namespace parent) {
    this.rootName = rootName;
    this.functions = functions;
    this.limits = limits;
    this.parent = parent;
  }

  /** A child namespace (Helm's tpl works on a clone of the template set). */
  public Namespace child() {
    return new Namespace(rootName, functions, limits, this);
  }

  /** The name of the set, as Go's errors quote it ("associated with template \"gotpl\""). */
  public String rootName() {
    return rootName;
  }

  public FunctionRegistry functions() {
    return functions;
  }

  public Limits limits() {
    return limits;
  }

  public Tree lookup(String name) {
    Tree t = trees.get(name);
    if (t == null && parent != null) {
      return parent.lookup(name);
    }
    return t;
  }

  /**
   * Adds a parsed tree with Go's {@code associate} rule: an empty body never replaces an existing
   * template of the same name; otherwise the last one parsed wins.
   */
  public void associate(Tree tree) {
    Tree old = lookup(tree.name());
    if (old != null && Tree.isEmpty(tree.root())) {
      return;
    }
    trees.put(tree.name(), tree);
  }

  public java.util.Set<String> names() {
    java.util.Set<String> all = new java.util.TreeSet<>(trees.keySet());
    if (parent != null) {
      all.addAll(parent.names());
    }
    return all;
  }
}
