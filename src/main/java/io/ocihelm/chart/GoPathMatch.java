package io.ocihelm.chart;

import java.util.regex.Pattern;

/** Go's {@code path.Match} syntax ({@code * ? [class] \escape}) compiled to a regex. */
public final class GoPathMatch {
  private GoPathMatch() {}

  public static Pattern compile(String glob, char separator) {
    String notSep = "[^" + Pattern.quote(String.valueOf(separator)) + "]";
    StringBuilder re = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      switch (c) {
        case '*' -> re.append(notSep).append('*');
        case '?' -> re.append(notSep);
        case '\\' -> {
          if (i + 1 < glob.length()) {
            re.append(Pattern.quote(String.valueOf(glob.charAt(++i))));
          }
        }
        case '[' -> {
          int end = glob.indexOf(']', i + 1);
          if (end < 0) {
            throw new ChartLoadException("syntax error in pattern");
          }
          String body = glob.substring(i + 1, end);
          boolean negated = body.startsWith("^");
          if (negated) {
            body = body.substring(1);
          }
          re.append('[').append(negated ? "^" : "").append(body.replace("[", "\\[")).append(']');
          i = end;
        }
        default -> re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString(), Pattern.DOTALL);
  }
}
