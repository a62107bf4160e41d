package io.ocihelm.template;

import io.ocihelm.template.exec.Executor;
import io.ocihelm.template.exec.Namespace;
import io.ocihelm.template.function.FunctionRegistry;
import io.ocihelm.template.parse.ParseException;
import io.ocihelm.template.parse.Parser;
import io.ocihelm.template.parse.Tree;
import java.util.Set;

/**
 * A namespace of named templates, as Helm builds one per chart: every file is parsed into the same
 * set, so all files share their {@code define}s (the file parsed last wins a name), then any
 * template is executed by name with Helm's option {@code missingkey=zero}.
 *
 * <p>Parse every file first, then execute: parsed trees are immutable and execution keeps its
 * state outside them, so one set renders concurrently. Errors are {@link TemplateException}s with
 * Helm's exact text.
 */
public final class TemplateSet {
  /** The name Helm gives its root template ({@code template.New("gotpl")}). */
  public static final String HELM_ROOT_NAME = "gotpl";

  private final Namespace namespace;

  private TemplateSet(Namespace namespace) {
    this.namespace = namespace;
  }

  /** An empty set using {@code functions}, with the default limits. */
  public static TemplateSet create(FunctionRegistry functions) {
    return create(functions, Limits.DEFAULT);
  }

  public static TemplateSet create(FunctionRegistry functions, Limits limits) {
    return new TemplateSet(new Namespace(HELM_ROOT_NAME, functions, limits));
  }

  /**
   * Parses {@code text} as the template {@code name} (a chart file path such as
   * {@code mychart/templates/deployment.yaml}) and adds it, with every template it defines.
   *
   * @throws TemplateException of kind PARSE, with Helm's text ({@code parse error at (...)})
   */
  public TemplateSet parse(String name, String text) {
    try {
      for (Tree tree : Parser.parse(name, text, namespace.functions()).values()) {
        namespace.associate(tree);
      }
    } catch (ParseException e) {
      throw TemplateException.parse(name, e.getMessage());
    }
    return this;
  }

  /**
   * Executes the template {@code name} with {@code data} as dot and {@code $}. The output is Go's;
   * Helm's deletion of {@code <no value>} is the renderer's job.
   *
   * @throws TemplateException on any execution failure or exceeded limit
   */
  public String execute(String name, Object data) {
    return Executor.execute(namespace, name, name, data);
  }

  public boolean has(String name) {
    return namespace.lookup(name) != null;
  }

  /** Every template name in the set, sorted. */
  public Set<String> names() {
    return namespace.names();
  }
}
