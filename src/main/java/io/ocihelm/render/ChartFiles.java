package io.ocihelm.render;

import io.ocihelm.chart.ChartFile;
import io.ocihelm.codec.GoYaml;
import io.ocihelm.template.function.FunctionSignature;
import io.ocihelm.template.function.GoType;
import io.ocihelm.template.value.GoObject;
import io.ocihelm.template.value.GoSlice;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * {@code .Files}: Helm's {@code engine.files}, a {@code map[string][]byte} of the chart's
 * non-template files with methods Get, GetBytes, Glob, Lines, AsConfig, AsSecrets. A map, so
 * {@code range $path, $bytes := .Files.Glob "x/*"} works; an object, so its methods resolve.
 */
public final class ChartFiles extends AbstractMap<String, Object> implements GoObject {
  private final Map<String, byte[]> files;

  private ChartFiles(Map<String, byte[]> files) {
    this.files = files;
  }

  public static ChartFiles of(List<ChartFile> chartFiles) {
    Map<String, byte[]> m = new LinkedHashMap<>();
    for (ChartFile f : chartFiles) {
      m.put(f.name(), f.data());
    }
    return new ChartFiles(m);
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    Map<String, Object> view = new LinkedHashMap<>(files);
    return view.entrySet();
  }

  @Override
  public Object get(Object key) {
    return files.get(key);
  }

  @Override
  public boolean containsKey(Object key) {
    return files.containsKey(key);
  }

  @Override
  public String goTypeName() {
    return "engine.files";
  }

  @Override
  public Member member(String name) {
    return switch (name) {
      case "Get" -> new Method(FunctionSignature.of(GoType.STRING), (ctx, args) -> getString((String) args[0]));
      case "GetBytes" -> new Method(FunctionSignature.of(GoType.STRING), (ctx, args) -> getBytes((String) args[0]));
      case "Glob" -> new Method(FunctionSignature.of(GoType.STRING), (ctx, args) -> glob((String) args[0]));
      case "Lines" -> new Method(FunctionSignature.of(GoType.STRING), (ctx, args) -> lines((String) args[0]));
      case "AsConfig" -> new Method(FunctionSignature.of(), (ctx, args) -> asConfig());
      case "AsSecrets" -> new Method(FunctionSignature.of(), (ctx, args) -> asSecrets());
      default -> null;
    };
  }

  @Override
  public String goString() {
    StringBuilder sb = new StringBuilder("map[");
    boolean first = true;
    for (var e : new TreeMap<>(files).entrySet()) {
      if (!first) {
        sb.append(' ');
      }
      first = false;
      sb.append(e.getKey()).append(':').append(bytesAsGo(e.getValue()));
    }
    return sb.append(']').toString();
  }

  private static String bytesAsGo(byte[] b) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < b.length; i++) {
      if (i > 0) {
        sb.append(' ');
      }
      sb.append(b[i] & 0xff);
    }
    return sb.append(']').toString();
  }

  public byte[] getBytes(String name) {
    byte[] b = files.get(name);
    return b == null ? new byte[0] : b;
  }

  public String getString(String name) {
    return new String(getBytes(name), StandardCharsets.UTF_8);
  }

  /** Files whose path matches a gobwas/glob pattern with '/' as separator. */
  public ChartFiles glob(String pattern) {
    Pattern p;
    try {
      p = compileGlob(pattern);
    } catch (IllegalArgumentException e) {
      p = compileGlob("**");
    }
    Map<String, byte[]> out = new LinkedHashMap<>();
    for (var e : files.entrySet()) {
      if (p.matcher(e.getKey()).matches()) {
        out.put(e.getKey(), e.getValue());
      }
    }
    return new ChartFiles(out);
  }

  /** Lines of a file, a trailing newline not making an empty last line. */
  public GoSlice lines(String name) {
    byte[] b = files.get(name);
    if (b == null) {
      return GoSlice.ofStrings(List.of());
    }
    String s = new String(b, StandardCharsets.UTF_8);
    if (!s.isEmpty() && s.charAt(s.length() - 1) == '\n') {
      s = s.substring(0, s.length() - 1);
    }
    return GoSlice.ofStrings(List.of(s.split("\n", -1)));
  }

  /** Base names to contents as YAML (a ConfigMap's data). */
  public String asConfig() {
    Map<String, Object> m = new TreeMap<>();
    files.forEach((k, v) -> m.put(k.substring(k.lastIndexOf('/') + 1), new String(v, StandardCharsets.UTF_8)));
    return toYaml(m);
  }

  /** Base names to base64 contents as YAML (a Secret's data). */
  public String asSecrets() {
    Map<String, Object> m = new TreeMap<>();
    files.forEach((k, v) -> m.put(k.substring(k.lastIndexOf('/') + 1), Base64.getEncoder().encodeToString(v)));
    return toYaml(m);
  }

  // Helm compat: like the toYaml function, the trailing newline is cut and errors give "".
  private static String toYaml(Map<String, Object> m) {
    try {
      String s = GoYaml.marshal(m);
      return s.endsWith("\n") ? s.substring(0, s.length() - 1) : s;
    } catch (RuntimeException e) {
      return "";
    }
  }

  /** gobwas/glob: * and ? stop at '/', ** crosses it, [..] / [!..] classes, {a,b} alternatives. */
  static Pattern compileGlob(String glob) {
    StringBuilder re = new StringBuilder();
    int depth = 0;
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> {
          if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
            re.append(".*");
            i++;
          } else {
            re.append("[^/]*");
          }
        }
        case '?' -> re.append("[^/]");
        case '[' -> {
          int end = glob.indexOf(']', i + 1);
          if (end < 0) {
            throw new IllegalArgumentException("unclosed class");
          }
          String body = glob.substring(i + 1, end);
          boolean neg = body.startsWith("!");
          re.append('[').append(neg ? "^" : "").append(Pattern.quote(neg ? body.substring(1) : body)
              .replace("\\Q", "").replace("\\E", "")).append(']');
          i = end;
        }
        case '{' -> {
          re.append("(?:");
          depth++;
        }
        case '}' -> {
          if (depth == 0) {
            throw new IllegalArgumentException("unbalanced }");
          }
          re.append(')');
          depth--;
        }
        case ',' -> re.append(depth > 0 ? "|" : ",");
        case '\\' -> {
          if (++i < glob.length()) {
            re.append(Pattern.quote(String.valueOf(glob.charAt(i))));
          }
        }
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    if (depth != 0) {
      throw new IllegalArgumentException("unbalanced {");
    }
    return Pattern.compile(re.toString(), Pattern.DOTALL);
  }
}
