package io.ocihelm.render;

/**
 * Rendering failed: a template error, a manifest that is not YAML, an unmet kubeVersion, invalid
 * values. Terminal for the same inputs. The message is Helm's (the CLI prints {@code Error: } and
 * it); {@link #suggestsDebug()} says whether Helm appends its "Use --debug flag" hint, which it does
 * for failures after the release was created (template execution, manifest sorting, kubeVersion).
 */
public class RenderException extends RuntimeException {
  private final boolean suggestsDebug;

  public RenderException(String message, boolean suggestsDebug) {
    super(message);
    this.suggestsDebug = suggestsDebug;
  }

  public RenderException(String message, boolean suggestsDebug, Throwable cause) {
    super(message, cause);
    this.suggestsDebug = suggestsDebug;
  }

  public boolean suggestsDebug() {
    return suggestsDebug;
  }
}
