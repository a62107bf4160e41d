package io.ocihelm.semver;

import java.math.BigInteger;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A semantic version with the parsing and ordering of Masterminds/semver v3.4 (the library Helm and
 * Sprig use). {@link #parse} is the lenient {@code NewVersion} (optional {@code v}, missing minor or
 * patch, leading zeros coerced); {@link #parseStrict} is {@code StrictNewVersion}, which Helm uses
 * to decide which registry tags are chart versions.
 *
 * <p>Build metadata is kept for printing but ignored by {@link #compareTo}, as semver requires.
 */
public final class Version implements Comparable<Version> {
  private static final String IDENTIFIERS = "[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*";
  private static final Pattern LENIENT =
      Pattern.compile(
          "v?([0-9]+)(\\.[0-9]+)?(\\.[0-9]+)?(?:-(" + IDENTIFIERS + "))?(?:\\+(" + IDENTIFIERS + "))?");
  private static final Pattern STRICT =
      Pattern.compile(
          "(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)(?:-("
              + IDENTIFIERS
              + "))?(?:\\+("
              + IDENTIFIERS
              + "))?");
  private static final BigInteger MAX_UINT64 = new BigInteger("18446744073709551615");

  private final long major;
  private final long minor;
  private final long patch;
  private final String prerelease;
  private final String metadata;
  private final String original;

  private Version(
      long major, long minor, long patch, String prerelease, String metadata, String original) {
    this.major = major;
    this.minor = minor;
    this.patch = patch;
    this.prerelease = prerelease;
    this.metadata = metadata;
    this.original = original;
  }

  /** A version built from its parts; {@link #original()} is its canonical string. */
  public static Version of(long major, long minor, long patch, String prerelease, String metadata) {
    String pre = prerelease == null ? "" : prerelease;
    String meta = metadata == null ? "" : metadata;
    return new Version(major, minor, patch, pre, meta, format(major, minor, patch, pre, meta));
  }

  /** Lenient parse ({@code NewVersion}): {@code v1.2}, {@code 01.2.3} and {@code 1} are accepted. */
  public static Version parse(String text) {
    Matcher m = LENIENT.matcher(text);
    if (!m.matches()) {
      throw new SemverException("invalid semantic version");
    }
    long major = segment(m.group(1), "major");
    long minor = m.group(2) == null ? 0 : segment(m.group(2).substring(1), "minor");
    long patch = m.group(3) == null ? 0 : segment(m.group(3).substring(1), "patch");
    String pre = m.group(4) == null ? "" : m.group(4);
    checkNoLeadingZeros(pre);
    return new Version(major, minor, patch, pre, m.group(5) == null ? "" : m.group(5), text);
  }

  /** Strict semver 2.0.0 parse ({@code StrictNewVersion}): exactly three parts, no {@code v}. */
  public static Version parseStrict(String text) {
    Matcher m = STRICT.matcher(text);
    if (!m.matches()) {
      throw new SemverException("invalid semantic version");
    }
    String pre = m.group(4) == null ? "" : m.group(4);
    checkNoLeadingZeros(pre);
    return new Version(
        segment(m.group(1), "major"),
        segment(m.group(2), "minor"),
        segment(m.group(3), "patch"),
        pre,
        m.group(5) == null ? "" : m.group(5),
        text);
  }

  /** Whether {@code text} parses strictly; used to filter registry tags. */
  public static boolean isStrict(String text) {
    try {
      parseStrict(text);
      return true;
    } catch (SemverException e) {
      return false;
    }
  }

  private static long segment(String digits, String name) {
    BigInteger value = new BigInteger(digits);
    if (value.compareTo(MAX_UINT64) > 0) {
      throw new SemverException("invalid semantic version");
    }
    // Values above Long.MAX_VALUE wrap; compareUnsigned keeps them ordered like Go's uint64.
    return value.longValue();
  }

  private static void checkNoLeadingZeros(String prerelease) {
    if (prerelease.isEmpty()) {
      return;
    }
    for (String part : prerelease.split("\\.", -1)) {
      if (part.length() > 1 && part.charAt(0) == '0' && part.chars().allMatch(Character::isDigit)) {
        throw new SemverException("version segment starts with 0");
      }
    }
  }

  public long major() {
    return major;
  }

  public long minor() {
    return minor;
  }

  public long patch() {
    return patch;
  }

  /** Prerelease identifiers without the leading {@code -}; empty when there are none. */
  public String prerelease() {
    return prerelease;
  }

  /** Build metadata without the leading {@code +}; empty when there is none. */
  public String metadata() {
    return metadata;
  }

  /** The text this version was parsed from. */
  public String original() {
    return original;
  }

  public Version incPatch() {
    // Masterminds: a prerelease of x.y.z increments to x.y.z itself.
    long next = prerelease.isEmpty() ? patch + 1 : patch;
    return Version.of(major, minor, next, "", "");
  }

  public Version incMinor() {
    return Version.of(major, minor + 1, 0, "", "");
  }

  public Version incMajor() {
    return Version.of(major + 1, 0, 0, "", "");
  }

  public boolean lessThan(Version other) {
    return compareTo(other) < 0;
  }

  public boolean greaterThan(Version other) {
    return compareTo(other) > 0;
  }

  /** Equal precedence (metadata ignored), which is what Masterminds' {@code Equal} means. */
  public boolean samePrecedence(Version other) {
    return compareTo(other) == 0;
  }

  @Override
  public int compareTo(Version other) {
    int c = Long.compareUnsigned(major, other.major);
    if (c == 0) {
      c = Long.compareUnsigned(minor, other.minor);
    }
    if (c == 0) {
      c = Long.compareUnsigned(patch, other.patch);
    }
    if (c != 0) {
      return Integer.signum(c);
    }
    if (prerelease.equals(other.prerelease)) {
      return 0;
    }
    if (prerelease.isEmpty()) {
      return 1;
    }
    if (other.prerelease.isEmpty()) {
      return -1;
    }
    return comparePrerelease(prerelease, other.prerelease);
  }

  static int comparePrerelease(String a, String b) {
    String[] as = a.split("\\.", -1);
    String[] bs = b.split("\\.", -1);
    for (int i = 0; i < Math.max(as.length, bs.length); i++) {
      int c = comparePrereleasePart(i < as.length ? as[i] : "", i < bs.length ? bs[i] : "");
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }

  private static int comparePrereleasePart(String a, String b) {
    if (a.equals(b)) {
      return 0;
    }
    if (a.isEmpty()) {
      return -1;
    }
    if (b.isEmpty()) {
      return 1;
    }
    BigInteger an = numeric(a);
    BigInteger bn = numeric(b);
    if (an == null && bn == null) {
      return a.compareTo(b) > 0 ? 1 : -1;
    }
    if (an == null) {
      return 1; // identifiers with letters rank above numeric ones
    }
    if (bn == null) {
      return -1;
    }
    return an.compareTo(bn) > 0 ? 1 : -1;
  }

  private static BigInteger numeric(String part) {
    if (!part.chars().allMatch(ch -> ch >= '0' && ch <= '9') || part.length() > 20) {
      return null;
    }
    BigInteger n = new BigInteger(part);
    return n.compareTo(MAX_UINT64) > 0 ? null : n;
  }

  /** Canonical form {@code major.minor.patch[-pre][+meta]}, without any {@code v} prefix. */
  @Override
  public String toString() {
    return format(major, minor, patch, prerelease, metadata);
  }

  private static String format(long major, long minor, long patch, String pre, String meta) {
    StringBuilder sb =
        new StringBuilder()
            .append(Long.toUnsignedString(major))
            .append('.')
            .append(Long.toUnsignedString(minor))
            .append('.')
            .append(Long.toUnsignedString(patch));
    if (!pre.isEmpty()) {
      sb.append('-').append(pre);
    }
    if (!meta.isEmpty()) {
      sb.append('+').append(meta);
    }
    return sb.toString();
  }

  /** Equality of the canonical string (so {@code 1.0.0+a} and {@code 1.0.0+b} differ). */
  @Override
  public boolean equals(Object o) {
    return o instanceof Version v && toString().equals(v.toString());
  }

  @Override
  public int hashCode() {
    return Objects.hash(toString());
  }
}
