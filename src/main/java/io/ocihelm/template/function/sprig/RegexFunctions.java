package io.ocihelm.template.function.sprig;

import static io.ocihelm.template.function.GoType.INT;
import static io.ocihelm.template.function.GoType.STRING;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import io.ocihelm.template.function.FunctionException;
import io.ocihelm.template.function.FunctionRegistry;
import io.ocihelm.template.function.FunctionSignature;
import io.ocihelm.template.value.GoSlice;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sprig's regex functions with Go's RE2 syntax (re2j) and Go's {@code regexp} package semantics on
 * top: FindAll/ReplaceAll skip an empty match right after a previous match, Split follows Go, and
 * replacement templates expand {@code $name}/{@code ${name}} the way {@code Regexp.Expand} does
 * ({@code $1W} names the group "1W"). Plain variants panic with {@code regexp: Compile(...)} on a bad
 * pattern; {@code mustX} variants return the bare parse error.
 */
public final class RegexFunctions {
  private static final int CACHE_SIZE = 512;
  private static final Map<String, Pattern> COMPILED = new ConcurrentHashMap<>();

  private RegexFunctions() {}

  public static void register(FunctionRegistry registry) {
    FunctionSignature two = FunctionSignature.of(STRING, STRING);
    FunctionSignature three = FunctionSignature.of(STRING, STRING, STRING);
    FunctionSignature withCount = FunctionSignature.of(STRING, STRING, INT);
    registry
        .register("regexMatch", two, (c, a) -> regexMatch((String) a[0], (String) a[1]))
        .register("mustRegexMatch", two, (c, a) -> compile((String) a[0], false).matcher((String) a[1]).find())
        .register("regexQuoteMeta", FunctionSignature.of(STRING), (c, a) -> quoteMeta((String) a[0]));
    for (boolean must : new boolean[] {false, true}) {
      String prefix = must ? "mustR" : "r";
      registry
          .register(prefix + "egexFindAll", withCount, (c, a) -> GoSlice.ofStrings(
              findAll(compile((String) a[0], !must), (String) a[1], (Long) a[2])))
          .register(prefix + "egexFind", two, (c, a) -> find(compile((String) a[0], !must), (String) a[1]))
          .register(prefix + "egexReplaceAll", three, (c, a) -> replaceAll(
              compile((String) a[0], !must), (String) a[1], (String) a[2], false))
          .register(prefix + "egexReplaceAllLiteral", three, (c, a) -> replaceAll(
              compile((String) a[0], !must), (String) a[1], (String) a[2], true))
          .register(prefix + "egexSplit", withCount, (c, a) -> GoSlice.ofStrings(
              split(compile((String) a[0], !must), (String) a[0], (String) a[1], (Long) a[2])));
    }
  }

  // regexp.MatchString's error is dropped by Sprig: an invalid pattern simply does not match.
  private static boolean regexMatch(String regex, String s) {
    try {
      return compile(regex, false).matcher(s).find();
    } catch (FunctionException e) {
      return false;
    }
  }

  static Pattern compile(String regex, boolean likeMustCompile) {
    Pattern cached = COMPILED.get(regex);
    if (cached != null) return cached;
    try {
      Pattern pattern = Pattern.compile(regex);
      // Charts call the same few patterns in loops; Go recompiles each time, we keep a small cache.
      if (COMPILED.size() >= CACHE_SIZE) COMPILED.clear();
      COMPILED.put(regex, pattern);
      return pattern;
    } catch (PatternSyntaxException e) {
      String error = "error parsing regexp: " + e.getDescription() + ": `" + e.getPattern() + "`";
      if (likeMustCompile) {
        throw new FunctionException("regexp: Compile(" + goQuote(regex) + "): " + error);
      }
      throw new FunctionException(error);
    }
  }

  // regexp's quote: backquoted when strconv.CanBackquote allows it, else a Go string literal.
  private static String goQuote(String s) {
    boolean backquotable = s.chars().allMatch(c -> c != '`' && c != 0xFEFF && (c >= 0x20 || c == '\t') && c != 0x7f);
    return backquotable ? "`" + s + "`" : GoValueText.quote(s);
  }

  /** The [start, end) of each match, Go's way (at most {@code n} when n >= 0). */
  static List<int[]> matches(Pattern pattern, String s, long n) {
    List<int[]> out = new ArrayList<>();
    Matcher m = pattern.matcher(s);
    int position = 0;
    int previousEnd = -1;
    while ((n < 0 || out.size() < n) && position <= s.length()) {
      if (!m.find(position)) break;
      boolean accept = true;
      if (m.end() == position) {
        // An empty match right after the previous match does not count; move on one rune.
        if (m.start() == previousEnd) accept = false;
        position += position < s.length() ? Character.charCount(s.codePointAt(position)) : 1;
      } else {
        position = m.end();
      }
      previousEnd = m.end();
      if (accept) {
        int[] groups = new int[2 * (m.groupCount() + 1)];
        for (int g = 0; g <= m.groupCount(); g++) {
          groups[2 * g] = m.start(g);
          groups[2 * g + 1] = m.end(g);
        }
        out.add(groups);
      }
    }
    return out;
  }

  static List<String> findAll(Pattern pattern, String s, long n) {
    List<String> out = new ArrayList<>();
    for (int[] match : matches(pattern, s, n)) out.add(s.substring(match[0], match[1]));
    return out;
  }

  static String find(Pattern pattern, String s) {
    Matcher m = pattern.matcher(s);
    return m.find() ? m.group() : "";
  }

  /** Regexp.ReplaceAllString / ReplaceAllLiteralString. */
  static String replaceAll(Pattern pattern, String s, String replacement, boolean literal) {
    Matcher m = pattern.matcher(s);
    StringBuilder out = new StringBuilder(s.length());
    int lastMatchEnd = 0;
    int searchPosition = 0;
    Map<String, Integer> names = pattern.namedGroups();
    while (searchPosition <= s.length()) {
      if (!m.find(searchPosition)) break;
      out.append(s, lastMatchEnd, m.start());
      // No replacement for an empty match right after another match (Go would replace twice).
      if (m.end() > lastMatchEnd || m.start() == 0) {
        if (literal) {
          out.append(replacement);
        } else {
          expand(out, replacement, s, m, names);
        }
      }
      lastMatchEnd = m.end();
      int width = searchPosition < s.length() ? Character.charCount(s.codePointAt(searchPosition)) : 0;
      if (searchPosition + width > m.end()) {
        searchPosition += width;
      } else if (searchPosition + 1 > m.end()) {
        searchPosition++;
      } else {
        searchPosition = m.end();
      }
    }
    out.append(s, lastMatchEnd, s.length());
    return out.toString();
  }

  /**
   * Regexp.Expand: {@code $$} is a dollar; {@code $name} takes the longest run of letters, digits and
   * underscores as the name, {@code ${name}} the braced one; an all-digit name is a group number,
   * any other name a named group; unknown groups expand to nothing; a malformed {@code $} is kept.
   */
  static void expand(StringBuilder out, String template, String s, Matcher m, Map<String, Integer> names) {
    int i = 0;
    while (i < template.length()) {
      int dollar = template.indexOf('$', i);
      if (dollar < 0) break;
      out.append(template, i, dollar);
      i = dollar + 1;
      if (i < template.length() && template.charAt(i) == '$') {
        out.append('$');
        i++;
        continue;
      }
      boolean brace = i < template.length() && template.charAt(i) == '{';
      int nameStart = brace ? i + 1 : i;
      int nameEnd = nameStart;
      while (nameEnd < template.length()) {
        int c = template.codePointAt(nameEnd);
        if (!Character.isLetter(c) && !Character.isDigit(c) && c != '_') break;
        nameEnd += Character.charCount(c);
      }
      if (nameEnd == nameStart || (brace && (nameEnd >= template.length() || template.charAt(nameEnd) != '}'))) {
        out.append('$');
        continue;
      }
      String name = template.substring(nameStart, nameEnd);
      i = brace ? nameEnd + 1 : nameEnd;
      int group = groupNumber(name);
      if (group < 0) {
        Integer named = names.get(name);
        group = named == null ? -1 : named;
      }
      if (group >= 0 && group <= m.groupCount() && m.start(group) >= 0) {
        out.append(s, m.start(group), m.end(group));
      }
    }
    out.append(template, Math.min(i, template.length()), template.length());
  }

  // A group number: ASCII digits only, no leading zero, below 1e8; otherwise -1 (a name).
  private static int groupNumber(String name) {
    long number = 0;
    for (int k = 0; k < name.length(); k++) {
      char c = name.charAt(k);
      if (c < '0' || c > '9' || number >= 100_000_000) return -1;
      number = number * 10 + (c - '0');
    }
    if (name.charAt(0) == '0' && name.length() > 1) return -1;
    return (int) number;
  }

  /** Regexp.Split. */
  static List<String> split(Pattern pattern, String regex, String s, long n) {
    List<String> out = new ArrayList<>();
    if (n == 0) return out;
    if (!regex.isEmpty() && s.isEmpty()) {
      out.add("");
      return out;
    }
    int begin = 0;
    int end = 0;
    for (int[] match : matches(pattern, s, n)) {
      if (n > 0 && out.size() == n - 1) break;
      end = match[0];
      if (match[1] != 0) out.add(s.substring(begin, end));
      begin = match[1];
    }
    if (end != s.length()) out.add(s.substring(begin));
    return out;
  }

  /** regexp.QuoteMeta. */
  static String quoteMeta(String s) {
    StringBuilder out = new StringBuilder(s.length() * 2);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) out.append('\\');
      out.append(c);
    }
    return out.toString();
  }
}
