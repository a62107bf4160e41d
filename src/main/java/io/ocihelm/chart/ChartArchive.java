package io.ocihelm.chart;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * Reads a chart archive (.tgz) into memory, with Helm's safety rules: nothing is ever written to
 * disk, sizes and counts are capped while decompressing (so a gzip bomb stops at the cap, not at
 * the end of the stream), and paths that would leave the chart root are rejected.
 */
public final class ChartArchive {

  /**
   * Caps applied while reading. Helm's defaults are 100 MiB per chart and 5 MiB per file; Helm has
   * no file-count cap, ours keeps a hostile archive of millions of empty files from exhausting
   * memory.
   */
  public record Limits(long maxDecompressedSize, long maxFileSize, int maxFiles) {
    public static final Limits HELM_DEFAULTS = new Limits(100L << 20, 5L << 20, 20_000);
  }

  private static final Pattern DRIVE_PATH = Pattern.compile("^[a-zA-Z]:/");
  private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private ChartArchive() {}

  /** Reads every regular file of the archive, the leading chart directory stripped from names. */
  public static List<ChartFile> read(InputStream in, Limits limits) {
    // Helm compat: helm package writes a gzip FEXTRA field that is not RFC 1952 subfields, which
    // commons-compress rejects; java.util.zip skips it like Go's gzip reader (and reads multi-member).
    try (var gz = new GZIPInputStream(in, 65536);
        var tar = new TarArchiveInputStream(gz)) {
      List<ChartFile> files = new ArrayList<>();
      Map<String, String> links = new HashMap<>();
      long remaining = limits.maxDecompressedSize();
      int entries = 0;
      TarArchiveEntry entry;
      while ((entry = tar.getNextEntry()) != null) {
        if (++entries > limits.maxFiles()) {
          throw new ChartLoadException(
              "chart archive has more than the maximum of " + limits.maxFiles() + " entries");
        }
        if (entry.isDirectory() || entry.isGlobalPaxHeader() || entry.isPaxHeader()) {
          continue;
        }
        String raw = entry.getName();
        String name = chartRelativeName(raw);
        if (entry.isSymbolicLink() || entry.isLink()) {
          links.put(name, linkTarget(name, entry));
          continue;
        }
        if (!entry.isFile()) {
          throw new ChartLoadException(
              "chart archive entry " + quote(raw) + " is not a regular file, directory or link");
        }
        if (entry.getSize() > remaining) {
          throw tooLarge(limits);
        }
        if (entry.getSize() > limits.maxFileSize()) {
          throw new ChartLoadException(
              "decompressed chart file " + quote(raw) + " is larger than the maximum file size "
                  + limits.maxFileSize());
        }
        byte[] data = readCapped(tar, Math.min(remaining, limits.maxFileSize()) + 1);
        if (data.length > limits.maxFileSize()) {
          throw new ChartLoadException(
              "decompressed chart file " + quote(raw) + " is larger than the maximum file size "
                  + limits.maxFileSize());
        }
        remaining -= data.length;
        if (data.length < entry.getSize() || remaining < 0) {
          throw tooLarge(limits);
        }
        files.add(new ChartFile(name, stripBom(data)));
      }
      resolveLinks(files, links);
      if (files.isEmpty()) {
        throw new ChartLoadException("no files in chart archive");
      }
      return files;
    } catch (IOException e) {
      throw new ChartLoadException("failed to read chart archive: " + e.getMessage(), e);
    }
  }

  /**
   * Helm strips the first path element (the chart directory) and then refuses anything that
   * could land outside the chart once extracted.
   */
  private static String chartRelativeName(String raw) {
    // Helm compat: an archive made on Windows may use backslashes; Helm normalises them.
    String delimiter = raw.indexOf('\\') >= 0 ? "\\" : "/";
    String[] parts = raw.split(Pattern.quote(delimiter), -1);
    if (parts.length == 1 && parts[0].equals("Chart.yaml")) {
      throw new ChartLoadException("chart yaml not in base directory");
    }
    String rest = String.join("/", java.util.Arrays.copyOfRange(parts, 1, parts.length));
    if (rest.startsWith("/")) {
      throw new ChartLoadException("chart illegally contains absolute paths");
    }
    String clean = cleanPath(rest);
    if (clean.equals(".")) {
      throw new ChartLoadException(
          "chart illegally contains content outside the base directory: " + quote(raw));
    }
    if (clean.startsWith("..")) {
      throw new ChartLoadException("chart illegally references parent directory");
    }
    if (DRIVE_PATH.matcher(clean).find()) {
      throw new ChartLoadException("chart contains illegally named files");
    }
    return clean;
  }

  private static String linkTarget(String name, TarArchiveEntry entry) {
    String target = entry.getLinkName();
    if (target.startsWith("/") || DRIVE_PATH.matcher(target).find()) {
      throw new ChartLoadException(
          "chart illegally contains a link to an absolute path: " + quote(name));
    }
    String resolved;
    if (entry.isLink()) {
      // hard links name their target from the archive root, which includes the chart directory
      int slash = target.indexOf('/');
      resolved = cleanPath(slash < 0 ? "" : target.substring(slash + 1));
    } else {
      int slash = name.lastIndexOf('/');
      resolved = cleanPath((slash < 0 ? "" : name.substring(0, slash + 1)) + target);
    }
    if (resolved.startsWith("..") || resolved.equals(".")) {
      throw new ChartLoadException("chart illegally contains a link outside the chart: " + quote(name));
    }
    return resolved;
  }

  /** Links inside the chart read as a copy of their target, as extracting and reading would. */
  private static void resolveLinks(List<ChartFile> files, Map<String, String> links) {
    if (links.isEmpty()) {
      return;
    }
    Map<String, byte[]> byName = new HashMap<>();
    files.forEach(f -> byName.put(f.name(), f.data()));
    for (var link : links.entrySet()) {
      String target = link.getValue();
      for (int hops = 0; links.containsKey(target); hops++) {
        if (hops > 40) {
          throw new ChartLoadException("chart contains a link loop: " + quote(link.getKey()));
        }
        target = links.get(target);
      }
      byte[] data = byName.get(target);
      if (data == null) {
        throw new ChartLoadException(
            "chart contains a link to a file that is not in the chart: " + quote(link.getKey()));
      }
      files.add(new ChartFile(link.getKey(), data));
    }
  }

  /** Go's path.Clean for slash paths. */
  static String cleanPath(String p) {
    boolean rooted = p.startsWith("/");
    List<String> out = new ArrayList<>();
    for (String part : p.split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (!out.isEmpty() && !out.getLast().equals("..")) {
          out.removeLast();
        } else if (!rooted) {
          out.add("..");
        }
      } else {
        out.add(part);
      }
    }
    String joined = String.join("/", out);
    if (rooted) {
      return "/" + joined;
    }
    return joined.isEmpty() ? "." : joined;
  }

  private static byte[] readCapped(InputStream in, long cap) throws IOException {
    var out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    long total = 0;
    int n;
    while (total < cap && (n = in.read(buf, 0, (int) Math.min(buf.length, cap - total))) > 0) {
      out.write(buf, 0, n);
      total += n;
    }
    return out.toByteArray();
  }

  private static byte[] stripBom(byte[] data) {
    if (data.length >= 3 && data[0] == UTF8_BOM[0] && data[1] == UTF8_BOM[1] && data[2] == UTF8_BOM[2]) {
      return java.util.Arrays.copyOfRange(data, 3, data.length);
    }
    return data;
  }

  private static ChartLoadException tooLarge(Limits limits) {
    return new ChartLoadException(
        "decompressed chart is larger than the maximum size " + limits.maxDecompressedSize());
  }

  private static String quote(String s) {
    return '"' + s + '"';
  }
}
