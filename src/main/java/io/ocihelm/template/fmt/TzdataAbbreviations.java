package io.ocihelm.template.fmt;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Zone abbreviations ("EDT", "+04") read from the system's tz database files, which is where Go's
 * {@code time.LoadLocation} takes them from. Java's own zone texts (CLDR) invent abbreviations the
 * tz database does not use ("GST" for Asia/Dubai where Go prints "+04"), so these files win when
 * present; without them the caller falls back to Java's texts.
 */
final class TzdataAbbreviations {
  private TzdataAbbreviations() {}

  private static final Path ZONEINFO = Path.of("/usr/share/zoneinfo");
  private static final ConcurrentHashMap<String, Optional<Zone>> CACHE = new ConcurrentHashMap<>();

  /** A TZif v2+ zone: transitions (64-bit), their types, and the footer's std/dst names. */
  private record Zone(long[] transitions, int[] transitionTypes, String[] typeNames, boolean[] typeIsDst,
      String stdName, String dstName) {}

  /** The abbreviation in effect for {@code t}, if the tz database file can be read. */
  static Optional<String> abbreviation(ZonedDateTime t) {
    Optional<Zone> zone = CACHE.computeIfAbsent(t.getZone().getId(), TzdataAbbreviations::load);
    return zone.map(z -> lookup(z, t));
  }

  private static String lookup(Zone z, ZonedDateTime t) {
    long sec = t.toEpochSecond();
    int n = z.transitions().length;
    if (n == 0 || sec < z.transitions()[0]) {
      return firstStandardName(z);
    }
    if (sec >= z.transitions()[n - 1] && z.stdName() != null) {
      // after the last transition the footer's rule applies; Java knows whether DST is on
      boolean dst = t.getZone().getRules().isDaylightSavings(t.toInstant());
      return dst && z.dstName() != null ? z.dstName() : z.stdName();
    }
    int lo = 0;
    int hi = n - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (z.transitions()[mid] <= sec) {
        lo = mid;
      } else {
        hi = mid - 1;
      }
    }
    return z.typeNames()[z.transitionTypes()[lo]];
  }

  private static String firstStandardName(Zone z) {
    for (int i = 0; i < z.typeNames().length; i++) {
      if (!z.typeIsDst()[i]) {
        return z.typeNames()[i];
      }
    }
    return z.typeNames().length > 0 ? z.typeNames()[0] : "";
  }

  private static Optional<Zone> load(String id) {
    if (id.contains("..")) {
      return Optional.empty();
    }
    Path file = ZONEINFO.resolve(id);
    try {
      if (!Files.isRegularFile(file)) {
        return Optional.empty();
      }
      return Optional.ofNullable(parse(ByteBuffer.wrap(Files.readAllBytes(file))));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Zone parse(ByteBuffer b) {
    if (b.remaining() < 44 || b.get(0) != 'T' || b.get(1) != 'Z' || b.get(2) != 'i' || b.get(3) != 'f') {
      return null;
    }
    int version = b.get(4);
    int[] counts = header(b, 0);
    if (version < '2') {
      return null; // v1 files have no 64-bit section; Java's texts are as good
    }
    // skip the v1 data block
    int v1Size = counts[3] * 5 + counts[4] * 6 + counts[5] + counts[2] * 8 + counts[1] + counts[0];
    int start = 44 + v1Size;
    int[] c = header(b, start);
    int isutcnt = c[0];
    int isstdcnt = c[1];
    int leapcnt = c[2];
    int timecnt = c[3];
    int typecnt = c[4];
    int charcnt = c[5];
    int p = start + 44;
    long[] transitions = new long[timecnt];
    for (int i = 0; i < timecnt; i++) {
      transitions[i] = b.getLong(p + i * 8);
    }
    p += timecnt * 8;
    int[] types = new int[timecnt];
    for (int i = 0; i < timecnt; i++) {
      types[i] = b.get(p + i) & 0xFF;
    }
    p += timecnt;
    int[] abbrIndex = new int[typecnt];
    boolean[] isDst = new boolean[typecnt];
    for (int i = 0; i < typecnt; i++) {
      isDst[i] = b.get(p + i * 6 + 4) != 0;
      abbrIndex[i] = b.get(p + i * 6 + 5) & 0xFF;
    }
    p += typecnt * 6;
    byte[] chars = new byte[charcnt];
    b.get(p, chars);
    p += charcnt + leapcnt * 12 + isstdcnt + isutcnt;
    String[] names = new String[typecnt];
    for (int i = 0; i < typecnt; i++) {
      int end = abbrIndex[i];
      while (end < chars.length && chars[end] != 0) {
        end++;
      }
      names[i] = new String(chars, abbrIndex[i], end - abbrIndex[i], StandardCharsets.US_ASCII);
    }
    String std = null;
    String dst = null;
    if (p < b.limit() && b.get(p) == '\n') {
      int end = p + 1;
      while (end < b.limit() && b.get(end) != '\n') {
        end++;
      }
      byte[] footer = new byte[end - p - 1];
      b.get(p + 1, footer);
      String[] footerNames = footerNames(new String(footer, StandardCharsets.US_ASCII));
      std = footerNames[0];
      dst = footerNames[1];
    }
    return new Zone(transitions, types, names, isDst, std, dst);
  }

  private static int[] header(ByteBuffer b, int at) {
    int[] counts = new int[6];
    for (int i = 0; i < 6; i++) {
      counts[i] = b.getInt(at + 20 + i * 4);
    }
    return counts;
  }

  /** The std and dst names of a POSIX TZ string such as {@code EST5EDT,M3.2.0,M11.1.0} or {@code <+04>-4}. */
  private static String[] footerNames(String tz) {
    String[] result = new String[2];
    int[] pos = {0};
    result[0] = name(tz, pos);
    if (result[0] == null) {
      return new String[2];
    }
    // skip the std offset
    while (pos[0] < tz.length() && "+-0123456789:".indexOf(tz.charAt(pos[0])) >= 0) {
      pos[0]++;
    }
    if (pos[0] < tz.length() && tz.charAt(pos[0]) != ',') {
      result[1] = name(tz, pos);
    }
    return result;
  }

  private static String name(String tz, int[] pos) {
    int i = pos[0];
    if (i >= tz.length()) {
      return null;
    }
    if (tz.charAt(i) == '<') {
      int end = tz.indexOf('>', i);
      if (end < 0) {
        return null;
      }
      pos[0] = end + 1;
      return tz.substring(i + 1, end);
    }
    int j = i;
    while (j < tz.length() && Character.isLetter(tz.charAt(j))) {
      j++;
    }
    pos[0] = j;
    return j > i ? tz.substring(i, j) : null;
  }
}
