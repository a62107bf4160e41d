package io.ocihelm.template.function;

/**
 * What a function may know about the execution that calls it. Hermetic functions ignore it;
 * Helm's {@code include} and {@code tpl} use it to execute other templates of the same namespace
 * (sharing the recursion-depth and output budgets), and {@code fail}/{@code required} to name the
 * position. The executor implements it; its methods grow with the functions that need them.
 */
public interface CallContext {
  /**
   * Executes the named template of the current namespace with {@code data} as dot and returns its
   * output ({@code include}). Fails like Go when the template does not exist.
   */
  String executeTemplate(String name, Object data);

  /**
   * Parses {@code text} as a new template named {@code name} that can see (and, like Helm's tpl,
   * add to) the current namespace's definitions, executes it with {@code data} and returns the
   * output ({@code tpl}).
   */
  String parseAndExecute(String name, String text, Object data);

  /**
   * Per-render bookkeeping shared by an execution and everything it includes: how many {@code
   * include}s of each template name are in progress (Helm's {@code includedNames}, which fails a
   * name nested more than 1000 deep). Mutable; only the calling render thread uses it.
   */
  default java.util.Map<String, Integer> includeCounts() {
    throw new UnsupportedOperationException("this context does not track includes");
  }
}
