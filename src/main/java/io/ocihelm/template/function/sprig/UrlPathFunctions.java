package io.ocihelm.template.function.sprig;

import static io.ocihelm.template.function.GoType.MAP;
import static io.ocihelm.template.function.GoType.STRING;

import io.ocihelm.template.function.FunctionException;
import io.ocihelm.template.function.FunctionRegistry;
import io.ocihelm.template.function.FunctionSignature;
import io.ocihelm.template.value.NamedMap;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sprig's urlParse/urlJoin (Go's net/url parsing and printing rules) and the slash-path functions
 * of Go's {@code path} (base/dir/clean/ext/isAbs) and {@code path/filepath} on Linux (os*, the same
 * rules: backslashes are ordinary characters).
 */
public final class UrlPathFunctions {
  private enum Escape { PATH, HOST, USER_PASSWORD, FRAGMENT }

  private UrlPathFunctions() {}

  public static void register(FunctionRegistry registry) {
    FunctionSignature string = FunctionSignature.of(STRING);
    registry
        .register("urlParse", string, (c, a) -> urlParse((String) a[0]))
        .register("urlJoin", FunctionSignature.of(MAP), (c, a) -> urlJoin(a[0]));
    for (String prefix : List.of("", "os")) {
      registry
          .register(name(prefix, "base"), string, (c, a) -> base((String) a[0]))
          .register(name(prefix, "dir"), string, (c, a) -> dir((String) a[0]))
          .register(name(prefix, "clean"), string, (c, a) -> clean((String) a[0]))
          .register(name(prefix, "ext"), string, (c, a) -> ext((String) a[0]))
          .register(name(prefix, "isAbs"), string, (c, a) -> ((String) a[0]).startsWith("/"));
    }
  }

  private static String name(String prefix, String function) {
    return prefix.isEmpty() ? function : prefix + Character.toUpperCase(function.charAt(0)) + function.substring(1);
  }

  // ---- path ----

  /** path.Clean: lexical shortest equivalent path. */
  static String clean(String path) {
    if (path.isEmpty()) return ".";
    boolean rooted = path.startsWith("/");
    List<String> parts = new ArrayList<>();
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals(".")) continue;
      if (segment.equals("..")) {
        if (!parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
          parts.remove(parts.size() - 1);
        } else if (!rooted) {
          parts.add("..");
        }
        continue;
      }
      parts.add(segment);
    }
    String joined = String.join("/", parts);
    if (rooted) return "/" + joined;
    return joined.isEmpty() ? "." : joined;
  }

  static String base(String path) {
    if (path.isEmpty()) return ".";
    int end = path.length();
    while (end > 0 && path.charAt(end - 1) == '/') end--;
    if (end == 0) return "/";
    String trimmed = path.substring(0, end);
    return trimmed.substring(trimmed.lastIndexOf('/') + 1);
  }

  static String dir(String path) {
    return clean(path.substring(0, path.lastIndexOf('/') + 1));
  }

  static String ext(String path) {
    for (int i = path.length() - 1; i >= 0 && path.charAt(i) != '/'; i--) {
      if (path.charAt(i) == '.') return path.substring(i);
    }
    return "";
  }

  // ---- URLs ----

  /** The parts of a URL as Go's url.URL holds them (decoded path, host, fragment). */
  private record Url(
      String scheme, String opaque, String user, String host, String path, String rawQuery,
      boolean forceQuery, String fragment) {}

  static Map<String, Object> urlParse(String raw) {
    Url url;
    try {
      url = parse(raw);
    } catch (UrlError e) {
      throw new FunctionException("unable to parse url: parse " + GoValueText.quote(raw) + ": " + e.getMessage());
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("scheme", url.scheme());
    out.put("host", url.host());
    out.put("hostname", hostname(url.host()));
    out.put("path", url.path());
    out.put("query", url.rawQuery());
    out.put("opaque", url.opaque());
    out.put("fragment", url.fragment());
    out.put("userinfo", url.user() == null ? "" : url.user());
    return out;
  }

  private static final class UrlError extends Exception {
    UrlError(String message) {
      super(message, null, false, false);
    }
  }

  private static Url parse(String raw) throws UrlError {
    int hash = raw.indexOf('#');
    String fragment = "";
    String rest = raw;
    if (hash >= 0) {
      fragment = unescape(raw.substring(hash + 1), Escape.FRAGMENT);
      rest = raw.substring(0, hash);
    }
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (c < 0x20 || c == 0x7f) throw new UrlError("net/url: invalid control character in URL");
    }
    if (rest.isEmpty()) return new Url("", "", null, "", "", "", false, fragment);
    String scheme = "";
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) continue;
      if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
        if (i == 0) break;
        continue;
      }
      if (c == ':') {
        if (i == 0) throw new UrlError("missing protocol scheme");
        scheme = rest.substring(0, i).toLowerCase();
        rest = rest.substring(i + 1);
      }
      break;
    }
    boolean forceQuery = false;
    String query = "";
    if (rest.endsWith("?") && rest.indexOf('?') == rest.length() - 1) {
      forceQuery = true;
      rest = rest.substring(0, rest.length() - 1);
    } else {
      int q = rest.indexOf('?');
      if (q >= 0) {
        query = rest.substring(q + 1);
        rest = rest.substring(0, q);
      }
    }
    if (!rest.startsWith("/")) {
      if (!scheme.isEmpty()) return new Url(scheme, rest, null, "", "", query, forceQuery, fragment);
      int slash = rest.indexOf('/');
      String segment = slash < 0 ? rest : rest.substring(0, slash);
      if (segment.contains(":")) throw new UrlError("first path segment in URL cannot contain colon");
    }
    String user = null;
    String host = "";
    if ((!scheme.isEmpty() || !rest.startsWith("///")) && rest.startsWith("//")) {
      String authority = rest.substring(2);
      int slash = authority.indexOf('/');
      rest = slash < 0 ? "" : authority.substring(slash);
      authority = slash < 0 ? authority : authority.substring(0, slash);
      int at = authority.lastIndexOf('@');
      host = parseHost(at < 0 ? authority : authority.substring(at + 1));
      if (at >= 0) user = parseUser(authority.substring(0, at));
    }
    return new Url(scheme, "", user, host, unescape(rest, Escape.PATH), query, forceQuery, fragment);
  }

  // The userinfo as Userinfo.String() prints it: username and optional password, re-escaped.
  private static String parseUser(String userinfo) throws UrlError {
    for (int i = 0; i < userinfo.length(); i++) {
      char c = userinfo.charAt(i);
      boolean ok = Character.isLetterOrDigit(c) && c < 0x80 || "-._:~!$&'()*+,;=%@".indexOf(c) >= 0;
      if (!ok) throw new UrlError("net/url: invalid userinfo");
    }
    int colon = userinfo.indexOf(':');
    if (colon < 0) return escape(unescape(userinfo, Escape.USER_PASSWORD), Escape.USER_PASSWORD);
    return escape(unescape(userinfo.substring(0, colon), Escape.USER_PASSWORD), Escape.USER_PASSWORD)
        + ":" + escape(unescape(userinfo.substring(colon + 1), Escape.USER_PASSWORD), Escape.USER_PASSWORD);
  }

  private static String parseHost(String host) throws UrlError {
    if (host.startsWith("[")) {
      int close = host.lastIndexOf(']');
      if (close < 0) throw new UrlError("missing ']' in host");
      String port = host.substring(close + 1);
      if (!validOptionalPort(port)) throw new UrlError("invalid port " + GoValueText.quote(port) + " after host");
    } else {
      int colon = host.lastIndexOf(':');
      if (colon >= 0) {
        String port = host.substring(colon);
        if (!validOptionalPort(port)) throw new UrlError("invalid port " + GoValueText.quote(port) + " after host");
      }
    }
    return unescape(host, Escape.HOST);
  }

  private static boolean validOptionalPort(String port) {
    if (port.isEmpty()) return true;
    if (port.charAt(0) != ':') return false;
    for (int i = 1; i < port.length(); i++) if (port.charAt(i) < '0' || port.charAt(i) > '9') return false;
    return true;
  }

  // url.URL.Hostname(): the host without port and IPv6 brackets.
  private static String hostname(String host) {
    int colon = host.lastIndexOf(':');
    String name = host;
    if (colon >= 0 && validOptionalPort(host.substring(colon)) && (!host.startsWith("[") || host.lastIndexOf(']') < colon)) {
      name = host.substring(0, colon);
    }
    if (name.startsWith("[") && name.endsWith("]")) name = name.substring(1, name.length() - 1);
    return name;
  }

  private static String unescape(String s, Escape mode) throws UrlError {
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    byte[] bytes = GoStrings.bytes(s);
    for (int i = 0; i < bytes.length; i++) {
      int c = bytes[i] & 0xff;
      if (c == '%') {
        if (i + 2 >= bytes.length || Character.digit(bytes[i + 1], 16) < 0 || Character.digit(bytes[i + 2], 16) < 0) {
          String bad = GoStrings.byteSlice(bytes, i, Math.min(i + 3, bytes.length));
          throw new UrlError("invalid URL escape " + GoValueText.quote(bad));
        }
        // In a host, only non-ASCII bytes and "%25" may be percent-encoded.
        if (mode == Escape.HOST && Character.digit(bytes[i + 1], 16) < 8 && !(bytes[i + 1] == '2' && bytes[i + 2] == '5')) {
          throw new UrlError("invalid URL escape " + GoValueText.quote(GoStrings.byteSlice(bytes, i, i + 3)));
        }
        out.write(Character.digit(bytes[i + 1], 16) << 4 | Character.digit(bytes[i + 2], 16));
        i += 2;
        continue;
      }
      if (mode == Escape.HOST && c < 0x80 && shouldEscape(c, mode)) {
        throw new UrlError("invalid character " + GoValueText.quote(String.valueOf((char) c)) + " in host name");
      }
      out.write(c);
    }
    return GoStrings.fromBytes(out.toByteArray());
  }

  private static boolean shouldEscape(int c, Escape mode) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return false;
    if (mode == Escape.HOST && "!$&'()*+,;=:[]<>\"".indexOf(c) >= 0) return false;
    if ("-_.~".indexOf(c) >= 0) return false;
    if ("$&+,/:;=?@".indexOf(c) >= 0) {
      return switch (mode) {
        case PATH -> c == '?';
        case USER_PASSWORD -> c == '@' || c == '/' || c == '?' || c == ':';
        case FRAGMENT -> false;
        case HOST -> true;
      };
    }
    if (mode == Escape.FRAGMENT && "!()*".indexOf(c) >= 0) return false;
    return true;
  }

  private static String escape(String s, Escape mode) {
    StringBuilder out = new StringBuilder(s.length());
    for (byte b : GoStrings.bytes(s)) {
      int c = b & 0xff;
      if (shouldEscape(c, mode)) {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      } else {
        out.append((char) c);
      }
    }
    return out.toString();
  }

  @SuppressWarnings("unchecked")
  static String urlJoin(Object value) {
    Map<String, Object> parts = value instanceof NamedMap named ? named.entries() : (Map<String, Object>) value;
    String scheme = part(parts, "scheme");
    String host = part(parts, "host");
    String path = part(parts, "path");
    String query = part(parts, "query");
    String opaque = part(parts, "opaque");
    String fragment = part(parts, "fragment");
    String userinfo = part(parts, "userinfo");
    String user = null;
    if (!userinfo.isEmpty()) {
      try {
        user = parse("proto://" + userinfo + "@host").user();
      } catch (UrlError e) {
        throw new FunctionException("unable to parse userinfo in dict: parse "
            + GoValueText.quote("proto://" + userinfo + "@host") + ": " + e.getMessage());
      }
    }
    StringBuilder out = new StringBuilder();
    if (!scheme.isEmpty()) out.append(scheme).append(':');
    if (!opaque.isEmpty()) {
      out.append(opaque);
    } else {
      if (!scheme.isEmpty() || !host.isEmpty() || user != null) {
        if (!host.isEmpty() || !path.isEmpty() || user != null) out.append("//");
        if (user != null) out.append(user).append('@');
        if (!host.isEmpty()) out.append(escape(host, Escape.HOST));
      }
      String escapedPath = path.equals("*") ? "*" : escape(path, Escape.PATH);
      if (!escapedPath.isEmpty() && escapedPath.charAt(0) != '/' && !host.isEmpty()) out.append('/');
      if (out.isEmpty()) {
        int slash = escapedPath.indexOf('/');
        String segment = slash < 0 ? escapedPath : escapedPath.substring(0, slash);
        if (segment.contains(":")) out.append("./");
      }
      out.append(escapedPath);
    }
    if (!query.isEmpty()) out.append('?').append(query);
    if (!fragment.isEmpty()) out.append('#').append(escape(fragment, Escape.FRAGMENT));
    return out.toString();
  }

  // Sprig's metaGet reads each part as a string (%v of whatever the dict holds).
  private static String part(Map<String, Object> parts, String key) {
    if (parts == null || !parts.containsKey(key)) return "";
    return GoValueText.strval(parts.get(key));
  }
}
