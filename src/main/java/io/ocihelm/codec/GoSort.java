package io.ocihelm.codec;

import io.ocihelm.template.value.GoStringOrder;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** The key orders Go's encoders use. */
final class GoSort {
  private GoSort() {}


  /** Keys in encoding/json order. */
  static List<String> sortedKeys(Map<?, ?> map) {
    List<String> keys = new ArrayList<>();
    for (Object k : map.keySet()) {
      keys.add(String.valueOf(k));
    }
    keys.sort(GoStringOrder.ORDER);
    return keys;
  }

  /**
   * yaml.v2/v3's key order for string keys: a "natural" order where letters sort after other
   * characters, digit runs compare by numeric value, and otherwise runes compare by value.
   */
  static final Comparator<String> YAML_KEY_ORDER = GoSort::yamlLess;

  private static int yamlLess(String a, String b) {
    int[] ar = a.codePoints().toArray();
    int[] br = b.codePoints().toArray();
    if (a.equals(b)) {
      return 0;
    }
    return less(ar, br) ? -1 : 1;
  }

  private static boolean less(int[] ar, int[] br) {
    for (int i = 0; i < ar.length && i < br.length; i++) {
      if (ar[i] == br[i]) {
        continue;
      }
      boolean al = Character.isLetter(ar[i]);
      boolean bl = Character.isLetter(br[i]);
      if (al && bl) {
        return ar[i] < br[i];
      }
      if (al || bl) {
        return bl;
      }
      long an = 0;
      long bn = 0;
      if (ar[i] == '0' || br[i] == '0') {
        for (int j = i - 1; j >= 0 && Character.isDigit(ar[j]); j--) {
          if (ar[j] != '0') {
            an = 1;
            bn = 1;
            break;
          }
        }
      }
      int ai = i;
      while (ai < ar.length && Character.isDigit(ar[ai])) {
        an = an * 10 + (ar[ai] - '0');
        ai++;
      }
      int bi = i;
      while (bi < br.length && Character.isDigit(br[bi])) {
        bn = bn * 10 + (br[bi] - '0');
        bi++;
      }
      if (an != bn) {
        return an < bn;
      }
      if (ai != bi) {
        return ai < bi;
      }
      return ar[i] < br[i];
    }
    return ar.length < br.length;
  }
}
