package io.ocihelm.semver;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A version constraint in Masterminds/semver v3.4 syntax, as used by {@code helm pull --version},
 * chart dependencies and the {@code semverCompare} template function.
 *
 * <p>Grammar: {@code or := and ("||" and)*}, {@code and := single ((" "+ | ",") single)*},
 * {@code single := op? version}, ranges {@code a - b} rewrite to {@code >= a, <= b}. Operators:
 * {@code = != > < >= => <= =< ~ ~> ^}; a missing operator means "equal, or tilde when a part is
 * wildcarded". A version with missing or {@code x}/{@code *} parts is "dirty" and widens the match.
 *
 * <p>Prereleases only match when some constraint in the same AND group names a prerelease
 * (Masterminds 3.4: the group decides, not each constraint).
 */
public final class Constraint {
  private static final String OPS = "!=|>=|=>|<=|=<|~>|=|>|<|~|\\^|";
  private static final String IDENTIFIERS = "[0-9A-Za-z\\-]+(?:\\.[0-9A-Za-z\\-]+)*";
  // Helm compat: Masterminds' part class is [0-9|x|X|\*], which also admits a literal '|'.
  private static final String PART = "[0-9|xX*]+";
  private static final String CONSTRAINT_VERSION =
      "v?(" + PART + ")(\\." + PART + ")?(\\." + PART + ")?"
          + "(-" + IDENTIFIERS + ")?"
          + "(\\+" + IDENTIFIERS + ")?";
  private static final String CV_NO_GROUPS = CONSTRAINT_VERSION.replace("(", "(?:").replace("(?:?:", "(?:");
  private static final Pattern SINGLE =
      Pattern.compile("^\\s*(" + OPS + ")\\s*(" + CONSTRAINT_VERSION + ")\\s*$");
  private static final Pattern FIND = Pattern.compile("(?:" + OPS + ")\\s*" + CV_NO_GROUPS);
  private static final Pattern VALID =
      Pattern.compile(
          "^(?:\\s*(?:" + OPS + ")\\s*" + CV_NO_GROUPS + "\\s*)"
              + "(?:(?:\\s+|,\\s*)(?:" + OPS + ")\\s*" + CV_NO_GROUPS + "\\s*)*$");
  private static final Pattern RANGE =
      Pattern.compile("\\s*(" + CV_NO_GROUPS + ")\\s+-\\s+(" + CV_NO_GROUPS + ")\\s*");

  private final String text;
  private final List<Group> groups;

  private record Group(List<Single> constraints, boolean namesPrerelease) {}

  private Constraint(String text, List<Group> groups) {
    this.text = text;
    this.groups = groups;
  }

  /**
   * Parses a constraint.
   *
   * @throws SemverException with Masterminds' message, e.g. {@code improper constraint: bad}
   */
  public static Constraint parse(String text) {
    String rewritten = rewriteRanges(text);
    List<Group> groups = new ArrayList<>();
    for (String or : rewritten.split("\\|\\|", -1)) {
      if (!VALID.matcher(or).matches()) {
        throw new SemverException("improper constraint: " + or);
      }
      List<Single> singles = new ArrayList<>();
      Matcher found = FIND.matcher(or);
      while (found.find()) {
        singles.add(Single.parse(found.group()));
      }
      boolean pre = singles.stream().anyMatch(s -> !s.bound.prerelease().isEmpty());
      groups.add(new Group(List.copyOf(singles), pre));
    }
    return new Constraint(text, List.copyOf(groups));
  }

  private static String rewriteRanges(String text) {
    Matcher m = RANGE.matcher(text);
    String out = text;
    while (m.find()) {
      out = out.replaceFirst(Pattern.quote(m.group()), Matcher.quoteReplacement(">= " + m.group(1) + ", <= " + m.group(2) + " "));
    }
    return out;
  }

  /** Whether {@code version} satisfies any OR group of this constraint. */
  public boolean matches(Version version) {
    for (Group group : groups) {
      boolean all = true;
      for (Single single : group.constraints) {
        if (!single.matches(version, group.namesPrerelease)) {
          all = false;
          break;
        }
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return text;
  }

  /** One {@code op version} term. */
  private record Single(
      String op, Version bound, boolean dirty, boolean minorDirty, boolean patchDirty) {

    static Single parse(String term) {
      Matcher m = SINGLE.matcher(term);
      if (!m.matches()) {
        throw new SemverException("improper constraint: " + term);
      }
      String major = m.group(3);
      String minor = m.group(4) == null ? "" : m.group(4).substring(1);
      String patch = m.group(5) == null ? "" : m.group(5).substring(1);
      String pre = m.group(6) == null ? "" : m.group(6);
      boolean dirty = false;
      boolean minorDirty = false;
      boolean patchDirty = false;
      String version;
      if (isWildcard(major)) {
        // Helm compat: "*" and "x" are dirty but neither minor- nor patch-dirty, so they act as ~0.0.0.
        dirty = true;
        version = "0.0.0" + pre;
      } else if (minor.isEmpty() || isWildcard(minor)) {
        dirty = true;
        minorDirty = true;
        version = major + ".0.0" + pre;
      } else if (patch.isEmpty() || isWildcard(patch)) {
        dirty = true;
        patchDirty = true;
        version = major + "." + minor + ".0" + pre;
      } else {
        version = m.group(2).startsWith("v") ? m.group(2).substring(1) : m.group(2);
      }
      Version bound;
      try {
        bound = Version.parse(version);
      } catch (SemverException e) {
        throw new SemverException("improper constraint: " + term.strip());
      }
      return new Single(m.group(1), bound, dirty, minorDirty, patchDirty);
    }

    private static boolean isWildcard(String part) {
      return part.equals("x") || part.equals("X") || part.equals("*");
    }

    boolean matches(Version v, boolean includePrerelease) {
      if (!v.prerelease().isEmpty() && !includePrerelease) {
        return false;
      }
      return switch (op) {
        case "", "=" -> dirty ? tilde(v) : v.samePrecedence(bound);
        case "!=" -> notEqual(v);
        case ">" -> greaterThan(v);
        case "<" -> v.compareTo(bound) < 0;
        case ">=", "=>" -> v.compareTo(bound) >= 0;
        case "<=", "=<" -> lessOrEqual(v);
        case "~", "~>" -> tilde(v);
        case "^" -> caret(v);
        default -> throw new IllegalStateException("operator " + op);
      };
    }

    private boolean notEqual(Version v) {
      if (dirty) {
        if (bound.major() != v.major()) {
          return true;
        }
        if (bound.minor() != v.minor() && !minorDirty) {
          return true;
        } else if (minorDirty) {
          return false;
        } else if (bound.patch() != v.patch() && !patchDirty) {
          return true;
        } else if (patchDirty) {
          if (!v.prerelease().isEmpty() || !bound.prerelease().isEmpty()) {
            return Version.comparePrerelease(v.prerelease(), bound.prerelease()) != 0;
          }
          return false;
        }
      }
      return !v.samePrecedence(bound);
    }

    private boolean greaterThan(Version v) {
      if (!dirty) {
        return v.compareTo(bound) > 0;
      }
      if (Long.compareUnsigned(v.major(), bound.major()) != 0) {
        return Long.compareUnsigned(v.major(), bound.major()) > 0;
      }
      if (minorDirty) {
        return false; // ">1" needs 2.0.0 or above
      }
      if (patchDirty) {
        return Long.compareUnsigned(v.minor(), bound.minor()) > 0; // ">1.2" needs 1.3.0 or above
      }
      return v.compareTo(bound) > 0;
    }

    private boolean lessOrEqual(Version v) {
      if (!dirty) {
        return v.compareTo(bound) <= 0;
      }
      if (Long.compareUnsigned(v.major(), bound.major()) > 0) {
        return false;
      }
      return !(v.major() == bound.major()
          && Long.compareUnsigned(v.minor(), bound.minor()) > 0
          && !minorDirty);
    }

    private boolean tilde(Version v) {
      if (v.lessThan(bound)) {
        return false;
      }
      if (bound.major() == 0 && bound.minor() == 0 && bound.patch() == 0 && !minorDirty && !patchDirty) {
        return true; // ~0.0.0 (and "*") accept everything
      }
      if (v.major() != bound.major()) {
        return false;
      }
      return v.minor() == bound.minor() || minorDirty;
    }

    private boolean caret(Version v) {
      if (v.lessThan(bound)) {
        return false;
      }
      if (bound.major() > 0 || minorDirty) {
        return v.major() == bound.major(); // ^1.2.3 := >=1.2.3 <2.0.0
      }
      if (v.major() > 0) {
        return false;
      }
      if (bound.minor() > 0 || patchDirty) {
        return v.minor() == bound.minor(); // ^0.2.3 := >=0.2.3 <0.3.0
      }
      if (v.minor() > 0) {
        return false;
      }
      return v.patch() == bound.patch(); // ^0.0.3 := =0.0.3
    }
  }
}
