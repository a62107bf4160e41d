package io.ocihelm.template.function.sprig;

import static io.ocihelm.template.function.GoType.ANY;
import static io.ocihelm.template.function.GoType.STRING;

import io.ocihelm.semver.Constraint;
import io.ocihelm.semver.SemverException;
import io.ocihelm.semver.Version;
import io.ocihelm.template.function.FunctionException;
import io.ocihelm.template.function.FunctionRegistry;
import io.ocihelm.template.function.FunctionSignature;
import io.ocihelm.template.function.TemplateFunction;
import io.ocihelm.template.value.GoObject;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Sprig's {@code semver} (a {@code *semver.Version} templates can call methods on) and {@code
 * semverCompare}, on the Masterminds/semver v3 rules of {@link io.ocihelm.semver}.
 */
public final class SemverFunctions {
  private SemverFunctions() {}

  public static void register(FunctionRegistry registry) {
    registry
        .register("semver", FunctionSignature.of(STRING), (c, a) -> new SemverValue(parse((String) a[0]), true))
        .register("semverCompare", FunctionSignature.of(STRING, STRING), (c, a) -> semverCompare((String) a[0], (String) a[1]));
  }

  static boolean semverCompare(String constraint, String version) {
    Constraint parsed;
    try {
      parsed = Constraint.parse(constraint);
    } catch (SemverException e) {
      throw new FunctionException(e.getMessage());
    }
    return parsed.matches(parse(version));
  }

  private static Version parse(String text) {
    try {
      return Version.parse(text);
    } catch (SemverException e) {
      throw new FunctionException(e.getMessage());
    }
  }

  /**
   * A {@code *semver.Version} (or, from the Inc* methods, a {@code semver.Version} value) with the
   * fields-as-methods Masterminds exposes; printing calls its {@code String()}.
   */
  record SemverValue(Version version, boolean pointer) implements GoObject {
    @Override
    public String goTypeName() {
      return pointer ? "*semver.Version" : "semver.Version";
    }

    @Override
    public String goString() {
      return version.toString();
    }

    // Masterminds' MarshalJSON writes the version string (toJson, toYaml).
    @Override
    public Object jsonValue() {
      return version.toString();
    }

    @Override
    public Member member(String name) {
      return switch (name) {
        case "Major" -> getter(v -> v.major());
        case "Minor" -> getter(v -> v.minor());
        case "Patch" -> getter(v -> v.patch());
        case "Prerelease" -> getter(Version::prerelease);
        case "Metadata" -> getter(Version::metadata);
        case "Original" -> getter(Version::original);
        case "String" -> getter(Version::toString);
        case "IncMajor" -> getter(v -> new SemverValue(v.incMajor(), false));
        case "IncMinor" -> getter(v -> new SemverValue(v.incMinor(), false));
        case "IncPatch" -> getter(v -> new SemverValue(v.incPatch(), false));
        case "Compare" -> comparison((v, o) -> (long) Integer.signum(v.compareTo(o)));
        case "LessThan" -> comparison((v, o) -> v.compareTo(o) < 0);
        case "LessThanEqual" -> comparison((v, o) -> v.compareTo(o) <= 0);
        case "GreaterThan" -> comparison((v, o) -> v.compareTo(o) > 0);
        case "GreaterThanEqual" -> comparison((v, o) -> v.compareTo(o) >= 0);
        case "Equal" -> comparison((v, o) -> v.compareTo(o) == 0);
        default -> null;
      };
    }

    private Member getter(Function<Version, Object> read) {
      TemplateFunction body = (c, a) -> read.apply(version);
      return new Method(FunctionSignature.of(), body);
    }

    private Member comparison(BiFunction<Version, Version, Object> compare) {
      TemplateFunction body =
          (c, a) -> {
            if (!(a[0] instanceof SemverValue other)) {
              throw new FunctionException("wrong type for value; expected *semver.Version; got "
                  + io.ocihelm.template.value.GoTypes.typeName(a[0]));
            }
            return compare.apply(version, other.version());
          };
      return new Method(FunctionSignature.of(ANY), body);
    }
  }
}
