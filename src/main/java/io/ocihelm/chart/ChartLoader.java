package io.ocihelm.chart;

import io.ocihelm.codec.CodecException;
import io.ocihelm.codec.GoYamlReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Loads a chart from a .tgz or a directory into memory, then builds the {@link Chart} tree from its
 * files the way Helm's loader sorts them: Chart.yaml, values.yaml, values.schema.json,
 * requirements.yaml, templates/, charts/ (archives and directories, recursively), everything else
 * as Files.
 */
public final class ChartLoader {
  private final ChartArchive.Limits limits;

  public ChartLoader() {
    this(ChartArchive.Limits.HELM_DEFAULTS);
  }

  public ChartLoader(ChartArchive.Limits limits) {
    this.limits = limits;
  }

  /** A chart directory or archive file. */
  public Chart load(Path path) {
    if (Files.isDirectory(path)) {
      return loadDirectory(path);
    }
    if (!Files.exists(path)) {
      throw new ChartLoadException("path \"" + path + "\" not found");
    }
    try (InputStream in = Files.newInputStream(path)) {
      return loadArchive(in);
    } catch (IOException e) {
      throw new ChartLoadException("failed to read chart archive " + path + ": " + e.getMessage(), e);
    }
  }

  public Chart loadArchive(InputStream in) {
    return loadFiles(ChartArchive.read(in, limits));
  }

  /** A chart directory, filtered by its .helmignore; links may not leave the directory. */
  public Chart loadDirectory(Path dir) {
    Path root;
    try {
      root = dir.toRealPath();
    } catch (IOException e) {
      throw new ChartLoadException("failed to read chart directory " + dir + ": " + e.getMessage(), e);
    }
    HelmIgnore ignore = HelmIgnore.parse("");
    Path ignoreFile = root.resolve(".helmignore");
    try {
      if (Files.isRegularFile(ignoreFile)) {
        ignore = HelmIgnore.parse(Files.readString(ignoreFile));
      }
      List<ChartFile> files = new ArrayList<>();
      walk(root, root, "", ignore, files);
      return loadFiles(files);
    } catch (IOException e) {
      throw new ChartLoadException("failed to read chart directory " + dir + ": " + e.getMessage(), e);
    }
  }

  private void walk(Path root, Path dir, String prefix, HelmIgnore ignore, List<ChartFile> out)
      throws IOException {
    List<Path> children;
    try (Stream<Path> s = Files.list(dir)) {
      children = s.sorted().toList();
    }
    for (Path child : children) {
      String name = prefix + child.getFileName();
      Path real = child.toRealPath();
      if (!real.startsWith(root)) {
        throw new ChartLoadException("chart contains a link outside the chart directory: " + name);
      }
      boolean directory = Files.isDirectory(real);
      if (ignore.ignores(name, directory)) {
        continue;
      }
      if (directory) {
        walk(root, child, name + "/", ignore, out);
        continue;
      }
      if (!Files.isRegularFile(real, LinkOption.NOFOLLOW_LINKS)) {
        throw new ChartLoadException(
            "cannot load irregular file " + name + " as it has file mode type bits set");
      }
      if (Files.size(real) > limits.maxFileSize()) {
        throw new ChartLoadException(
            "chart file \"" + name + "\" is larger than the maximum file size " + limits.maxFileSize());
      }
      if (out.size() >= limits.maxFiles()) {
        throw new ChartLoadException("chart directory has more than the maximum of " + limits.maxFiles() + " files");
      }
      out.add(new ChartFile(name, Files.readAllBytes(real)));
    }
  }

  /** Builds the chart tree from its files (names relative to the chart root). */
  public Chart loadFiles(List<ChartFile> files) {
    ChartMetadata metadata = null;
    for (ChartFile f : files) {
      if (f.name().equals("Chart.yaml")) {
        metadata = ChartMetadata.parse(f.text());
        if (metadata.apiVersion.isEmpty()) {
          metadata.apiVersion = ChartMetadata.API_V1;
        }
      }
    }
    if (metadata == null) {
      throw new ChartLoadException("Chart.yaml file is missing");
    }
    Map<String, Object> values = Map.of();
    byte[] schema = null;
    List<ChartFile> templates = new ArrayList<>();
    List<ChartFile> other = new ArrayList<>();
    Map<String, List<ChartFile>> subcharts = new TreeMap<>();
    for (ChartFile f : files) {
      String n = f.name();
      if (n.equals("Chart.yaml")) {
        continue;
      } else if (n.equals("values.yaml")) {
        values = parseValues(f);
      } else if (n.equals("values.schema.json")) {
        schema = f.data();
      } else if (n.equals("requirements.yaml")) {
        metadata.readRequirements(f.text());
        if (metadata.apiVersion.equals(ChartMetadata.API_V1)) {
          other.add(f);
        }
      } else if (n.equals("requirements.lock") || n.equals("Chart.lock")) {
        if (n.equals("requirements.lock") && metadata.apiVersion.equals(ChartMetadata.API_V1)) {
          other.add(f);
        }
      } else if (n.startsWith("templates/")) {
        templates.add(f);
      } else if (n.startsWith("charts/")) {
        if (n.endsWith(".prov")) {
          other.add(f);
          continue;
        }
        String rest = n.substring("charts/".length());
        String sub = rest.split("/", 2)[0];
        subcharts.computeIfAbsent(sub, k -> new ArrayList<>()).add(new ChartFile(rest, f.data()));
      } else {
        other.add(f);
      }
    }
    metadata.validate();
    Chart chart = new Chart(metadata, values, schema, templates, other);
    for (var entry : subcharts.entrySet()) {
      String sub = entry.getKey();
      if (sub.startsWith("_") || sub.startsWith(".")) {
        continue;
      }
      chart.addDependency(loadSubchart(chart, sub, entry.getValue()));
    }
    return chart;
  }

  private Chart loadSubchart(Chart parent, String sub, List<ChartFile> files) {
    try {
      if (sub.endsWith(".tgz")) {
        ChartFile file = files.getFirst();
        if (!file.name().equals(sub)) {
          throw new ChartLoadException(
              "error unpacking subchart tar in " + parent.name() + ": expected " + sub + ", got " + file.name());
        }
        return loadArchive(new ByteArrayInputStream(file.data()));
      }
      List<ChartFile> inside = new ArrayList<>();
      for (ChartFile f : files) {
        int slash = f.name().indexOf('/');
        if (slash >= 0) {
          inside.add(new ChartFile(f.name().substring(slash + 1), f.data()));
        }
      }
      return loadFiles(inside);
    } catch (ChartLoadException e) {
      throw new ChartLoadException(
          "error unpacking subchart " + sub + " in " + parent.name() + ": " + e.getMessage(), e);
    }
  }

  private static Map<String, Object> parseValues(ChartFile f) {
    return loadValues(new String(f.data(), StandardCharsets.UTF_8));
  }

  /**
   * Helm 4's {@code LoadValues} for a chart's values.yaml: every YAML document of the file, each
   * read the sigs.k8s.io/yaml way, merged in order.
   */
  public static Map<String, Object> loadValues(String text) {
    List<String> documents;
    try {
      documents = GoYamlReader.splitDocuments(text);
    } catch (CodecException e) {
      throw new ChartLoadException("cannot load values.yaml: error reading yaml document: " + e.getMessage());
    }
    Map<String, Object> values = new java.util.LinkedHashMap<>();
    for (String document : documents) {
      try {
        values = Values.mergeMaps(values, GoYamlReader.readMap(document));
      } catch (CodecException e) {
        throw new ChartLoadException("cannot load values.yaml: cannot unmarshal yaml document: " + e.getMessage());
      }
    }
    return values;
  }
}
