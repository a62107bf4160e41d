package io.ocihelm.chart;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code .helmignore} rules, applied when a chart is loaded from a directory (an archive was
 * already filtered by {@code helm package}). Helm's dialect: one glob per line ({@code filepath.Match},
 * no {@code **}), {@code #} comments, {@code !} negation, a trailing {@code /} for directories only, a
 * leading {@code /} or any {@code /} anchors the pattern to the chart root, otherwise only the base
 * name is matched.
 */
public final class HelmIgnore {
  private record Rule(boolean negate, boolean mustDir, boolean wholePath, Pattern glob) {}

  private final List<Rule> rules = new ArrayList<>();

  /** Rules from the text of a .helmignore, plus Helm's default rule {@code templates/.?*}. */
  public static HelmIgnore parse(String text) {
    HelmIgnore ignore = new HelmIgnore();
    for (String line : text.split("\n")) {
      ignore.add(line);
    }
    ignore.add("templates/.?*");
    return ignore;
  }

  private void add(String raw) {
    String rule = raw.strip();
    if (rule.isEmpty() || rule.startsWith("#")) {
      return;
    }
    if (rule.contains("**")) {
      throw new ChartLoadException("double-star (**) syntax is not supported");
    }
    boolean negate = rule.startsWith("!");
    if (negate) {
      rule = rule.substring(1);
    }
    boolean mustDir = rule.endsWith("/");
    if (mustDir) {
      rule = rule.substring(0, rule.length() - 1);
    }
    boolean whole = rule.contains("/");
    if (rule.startsWith("/")) {
      rule = rule.substring(1);
    }
    rules.add(new Rule(negate, mustDir, whole, GoPathMatch.compile(rule, '/')));
  }

  /** Whether {@code path} (slash-separated, relative to the chart root) is ignored. */
  public boolean ignores(String path, boolean directory) {
    if (path.isEmpty() || path.equals(".") || path.equals("./")) {
      return false;
    }
    for (Rule r : rules) {
      String subject = r.wholePath() ? path : path.substring(path.lastIndexOf('/') + 1);
      boolean match = r.glob().matcher(subject).matches();
      if (r.negate()) {
        if (r.mustDir() && !directory) {
          return true;
        }
        if (!match) {
          return true;
        }
        continue;
      }
      if (r.mustDir() && !directory) {
        continue;
      }
      if (match) {
        return true;
      }
    }
    return false;
  }
}
