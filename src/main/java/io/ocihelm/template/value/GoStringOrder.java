package io.ocihelm.template.value;

import java.util.Comparator;

/**
 * Go's order of strings ({@code a < b}, {@code sort.Strings}, map keys in fmt and encoding/json):
 * byte-wise UTF-8, which is code-point order — unlike {@link String#compareTo}, which compares
 * UTF-16 units and so puts characters beyond U+FFFF before U+E000..U+FFFF.
 */
public final class GoStringOrder {
  private GoStringOrder() {}

  public static final Comparator<String> ORDER = GoStringOrder::compare;

  public static int compare(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }
}
