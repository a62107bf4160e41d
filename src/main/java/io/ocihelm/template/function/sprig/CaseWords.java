package io.ocihelm.template.function.sprig;

import java.util.ArrayList;
import java.util.List;

/**
 * Word splitting for Sprig's {@code snakecase}, {@code kebabcase} and {@code camelcase} (huandu/xstrings):
 * words break at connectors ({@code -}, {@code _}, spaces), at lower-to-upper humps, before the last
 * capital of an acronym ({@code HTTPServer}), and around digits (a number stays with the word before it
 * unless lower-case letters follow it: {@code Bld4Floor} is {@code bld4_floor}, {@code http2xx} is
 * {@code http_2xx}). Each connector rune in the input becomes one connector in the output.
 */
final class CaseWords {
  private CaseWords() {}

  private static boolean isConnector(int c) {
    return c == '-' || c == '_' || GoStrings.isSpace(c);
  }

  /** snakecase / kebabcase: the words, lower-cased, joined by {@code connector}. */
  static String joinLower(String s, char connector) {
    if (s.isEmpty()) return "";
    int[] cps = s.codePoints().toArray();
    StringBuilder out = new StringBuilder(s.length() + 8);
    List<String> pending = new ArrayList<>();
    int i = 0;
    boolean needConnector = false;
    while (i < cps.length) {
      int c = cps[i];
      if (isConnector(c)) {
        int start = i;
        while (i < cps.length && isConnector(cps[i])) i++;
        // Every connector rune becomes one connector: "a  b" keeps two.
        out.append(String.valueOf(connector).repeat(i - start));
        needConnector = false;
        continue;
      }
      if (!Character.isLetterOrDigit(c)) {
        out.appendCodePoint(c);
        needConnector = false;
        i++;
        continue;
      }
      int end = i;
      while (end < cps.length && Character.isLetterOrDigit(cps[end])) end++;
      pending.clear();
      splitRun(cps, i, end, pending);
      for (String word : pending) {
        if (needConnector) out.append(connector);
        out.append(StringFunctions.lower(word));
        needConnector = true;
      }
      i = end;
    }
    return out.toString();
  }

  // Splits a run of letters and digits into words.
  private static void splitRun(int[] cps, int from, int to, List<String> words) {
    StringBuilder word = new StringBuilder();
    boolean numberLed = false;
    int i = from;
    while (i < to) {
      int c = cps[i];
      if (Character.isDigit(c)) {
        int digitsEnd = i;
        while (digitsEnd < to && Character.isDigit(cps[digitsEnd])) digitsEnd++;
        boolean lowerFollows = digitsEnd < to && GoStrings.isLower(cps[digitsEnd]);
        if (lowerFollows && word.length() > 0 && !numberLed) {
          words.add(word.toString());
          word.setLength(0);
          numberLed = true;
        } else if (word.length() == 0) {
          numberLed = true;
        }
        for (int k = i; k < digitsEnd; k++) word.appendCodePoint(cps[k]);
        i = digitsEnd;
        continue;
      }
      boolean upper = GoStrings.isUpper(c) || GoStrings.isTitle(c);
      if (upper && word.length() > 0) {
        int previous = cps[i - 1];
        boolean previousUpper = GoStrings.isUpper(previous) || GoStrings.isTitle(previous);
        boolean nextLower = i + 1 < to && GoStrings.isLower(cps[i + 1]);
        if (!previousUpper || nextLower) {
          words.add(word.toString());
          word.setLength(0);
          numberLed = false;
        }
      } else if (!upper && numberLed && word.length() > 0 && !GoStrings.isLower(c)) {
        words.add(word.toString());
        word.setLength(0);
        numberLed = false;
      }
      word.appendCodePoint(c);
      i++;
    }
    if (word.length() > 0) words.add(word.toString());
  }

  /** camelcase: connectors removed and the rune after them upper-cased; leading connectors kept. */
  static String camel(String s) {
    if (s.isEmpty()) return "";
    int[] cps = s.codePoints().toArray();
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < cps.length && isConnector(cps[i])) out.appendCodePoint(cps[i++]);
    if (i == cps.length) return out.toString();
    int current = Character.toUpperCase(cps[i++]);
    while (i < cps.length) {
      int previous = current;
      current = cps[i++];
      if (isConnector(current) && isConnector(previous)) {
        out.appendCodePoint(previous);
      } else if (isConnector(previous)) {
        current = Character.toUpperCase(current);
      } else {
        out.appendCodePoint(previous);
      }
    }
    out.appendCodePoint(current);
    return out.toString();
  }
}
