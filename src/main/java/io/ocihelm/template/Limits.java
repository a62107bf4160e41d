package io.ocihelm.template;

import java.time.Duration;

/**
 * Safety limits for one render, so a hostile chart cannot hang or exhaust the operator. Each limit
 * produces its own clear {@link TemplateException} ({@link TemplateException.Kind#LIMIT}).
 *
 * @param maxTemplateDepth nesting of {@code template}/{@code include}/{@code tpl} calls (Go stops
 *     at 100000; a Java stack does not go that deep, so ours is lower but well above Helm's
 *     include recursion limit of 1000 per name)
 * @param maxOutputChars characters one execution may write (nested includes count too)
 * @param maxSteps evaluation steps (nodes walked and commands evaluated) for one execution
 * @param timeout wall-clock budget for one execution
 */
public record Limits(int maxTemplateDepth, long maxOutputChars, long maxSteps, Duration timeout) {
  /** Generous defaults: no real chart comes near them. */
  public static final Limits DEFAULT = new Limits(2500, 256L * 1024 * 1024, 200_000_000L, Duration.ofSeconds(60));

  public Limits {
    if (maxTemplateDepth < 1 || maxOutputChars < 1 || maxSteps < 1 || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }
}
