package io.ocihelm.render;

import io.ocihelm.chart.Chart;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stdout of {@code helm template}: CRDs (with {@code --include-crds}, verbatim), manifests,
 * then hooks, each document as {@code ---\n# Source: <path>\n<content>\n}; {@code --show-only}
 * re-splits that text and keeps the documents whose source matches a glob.
 */
public final class TemplateOutput {
  private static final Pattern SOURCE = Pattern.compile("# Source: [^/]+/(.+)");

  /** The {@code helm template} flags that shape the output. */
  public record Options(boolean includeCrds, boolean skipTests, List<String> showOnly) {
    public Options {
      showOnly = List.copyOf(showOnly);
    }

    public static Options defaults() {
      return new Options(false, false, List.of());
    }
  }

  private TemplateOutput() {}

  public static String format(RenderedRelease release, Options options) {
    // One builder, sized up front: the output of a large chart is megabytes, and every regrowth
    // or intermediate string copies all of it.
    int size = 1;
    for (Manifest m : release.manifests()) {
      size += m.path().length() + m.content().length() + 16;
    }
    for (Manifest h : release.hooks()) {
      size += h.path().length() + h.content().length() + 16;
    }
    StringBuilder out = new StringBuilder(size);
    if (options.includeCrds()) {
      for (Chart.Crd crd : release.crds()) {
        out.append("---\n# Source: ").append(crd.filename()).append('\n')
            .append(crd.file().text()).append('\n');
      }
    }
    for (Manifest m : release.manifests()) {
      out.append("---\n# Source: ").append(m.path()).append('\n').append(m.content()).append('\n');
    }
    // Helm compat: the release manifest is trimmed as a whole (strings.TrimSpace), then hooks are appended.
    int end = out.length();
    while (end > 0 && ManifestSorter.isGoSpace(out.charAt(end - 1))) {
      end--;
    }
    out.setLength(end);
    int start = 0;
    while (start < end && ManifestSorter.isGoSpace(out.charAt(start))) {
      start++;
    }
    out.delete(0, start).append('\n');
    for (Manifest h : release.hooks()) {
      if (options.skipTests() && h.isTestHook()) {
        continue;
      }
      out.append("---\n# Source: ").append(h.path()).append('\n').append(h.content()).append('\n');
    }
    if (options.showOnly().isEmpty()) {
      return out.toString();
    }
    return showOnly(out.toString(), options.showOnly());
  }

  private static String showOnly(String all, List<String> globs) {
    List<String> docs = ManifestSorter.split(all);
    List<String> selected = new ArrayList<>();
    for (String glob : globs) {
      Pattern pattern = io.ocihelm.chart.GoPathMatch.compile(glob.replace('\\', '/'), '/');
      boolean missing = true;
      for (String doc : docs) {
        Matcher m = SOURCE.matcher(doc);
        if (!m.find()) {
          continue;
        }
        if (pattern.matcher(m.group(1)).matches()) {
          selected.add(doc);
          missing = false;
        }
      }
      if (missing) {
        throw new RenderException("could not find template " + glob + " in chart", false);
      }
    }
    StringBuilder out = new StringBuilder();
    for (String doc : selected) {
      out.append("---\n").append(doc).append('\n');
    }
    return out.toString();
  }
}
