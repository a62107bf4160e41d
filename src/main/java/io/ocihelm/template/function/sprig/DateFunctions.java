package io.ocihelm.template.function.sprig;

import io.ocihelm.template.fmt.GoDuration;
import io.ocihelm.template.fmt.GoTimeLayout;
import io.ocihelm.template.function.CallContext;
import io.ocihelm.template.function.FunctionException;
import io.ocihelm.template.function.FunctionRegistry;
import io.ocihelm.template.function.FunctionSignature;
import io.ocihelm.template.function.GoType;
import io.ocihelm.template.value.Int64;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Sprig's date functions: {@code date dateInZone htmlDate htmlDateInZone toDate mustToDate
 * dateModify mustDateModify ago now duration durationRound unixEpoch} and their snake_case aliases.
 *
 * <p>"Now" and Go's local zone ({@code time.Local}) come from an injected {@link Clock}: its instant
 * is {@code now}, its zone is the zone {@code date}, {@code toDate} and {@code htmlDate} use (Helm
 * runs with the process's TZ; the conformance vectors, and containers, use UTC). A fixed clock makes
 * rendering hermetic.
 */
public final class DateFunctions {
  private static final String HTML_DATE = "2006-01-02";

  private final Clock clock;

  private DateFunctions(Clock clock) {
    this.clock = clock;
  }

  /** Registers the date functions with the system clock in UTC. */
  public static void register(FunctionRegistry registry) {
    register(registry, Clock.systemUTC());
  }

  /** Registers the date functions with {@code clock} as now and as Go's local zone. */
  public static void register(FunctionRegistry registry, Clock clock) {
    DateFunctions f = new DateFunctions(clock);
    registry.register("now", FunctionSignature.of(), f::now);
    registry.register("date", FunctionSignature.of(GoType.STRING, GoType.ANY), f::date);
    registry.register("dateInZone", FunctionSignature.of(GoType.STRING, GoType.ANY, GoType.STRING), f::dateInZone);
    registry.register("date_in_zone", FunctionSignature.of(GoType.STRING, GoType.ANY, GoType.STRING), f::dateInZone);
    registry.register("htmlDate", FunctionSignature.of(GoType.ANY), f::htmlDate);
    registry.register("htmlDateInZone", FunctionSignature.of(GoType.ANY, GoType.STRING), f::htmlDateInZone);
    registry.register("toDate", FunctionSignature.of(GoType.STRING, GoType.STRING), f::toDate);
    registry.register("mustToDate", FunctionSignature.of(GoType.STRING, GoType.STRING), f::mustToDate);
    registry.register("dateModify", FunctionSignature.of(GoType.STRING, GoType.TIME), DateFunctions::dateModify);
    registry.register("date_modify", FunctionSignature.of(GoType.STRING, GoType.TIME), DateFunctions::dateModify);
    registry.register("mustDateModify", FunctionSignature.of(GoType.STRING, GoType.TIME), DateFunctions::mustDateModify);
    registry.register("must_date_modify", FunctionSignature.of(GoType.STRING, GoType.TIME), DateFunctions::mustDateModify);
    registry.register("ago", FunctionSignature.of(GoType.ANY), f::ago);
    registry.register("duration", FunctionSignature.of(GoType.ANY), DateFunctions::duration);
    registry.register("durationRound", FunctionSignature.of(GoType.ANY), f::durationRound);
    registry.register("unixEpoch", FunctionSignature.of(GoType.TIME), DateFunctions::unixEpoch);
  }

  private ZoneId local() {
    return clock.getZone();
  }

  private ZonedDateTime currentTime() {
    return ZonedDateTime.ofInstant(clock.instant(), local());
  }

  Object now(CallContext context, Object[] args) {
    return currentTime();
  }

  Object date(CallContext context, Object[] args) {
    return formatInZone((String) args[0], args[1], "Local");
  }

  Object dateInZone(CallContext context, Object[] args) {
    return formatInZone((String) args[0], args[1], (String) args[2]);
  }

  Object htmlDate(CallContext context, Object[] args) {
    return formatInZone(HTML_DATE, args[0], "Local");
  }

  Object htmlDateInZone(CallContext context, Object[] args) {
    return formatInZone(HTML_DATE, args[0], (String) args[1]);
  }

  /**
   * Sprig's dateInZone: a time.Time, or Go int/int64 seconds since the epoch; anything else (a
   * string, a float64, nil) silently means now. An unknown zone silently means UTC.
   */
  private String formatInZone(String layout, Object date, String zone) {
    ZonedDateTime t = switch (date) {
      case ZonedDateTime z -> z;
      case Int64 i -> unix(i.value());
      case Long l -> unix(l);
      case null, default -> currentTime();
    };
    ZoneId location;
    try {
      location = GoTimeLayout.loadLocation(zone, local());
    } catch (DateTimeException e) {
      // Helm compat: Sprig falls back to UTC for a zone it cannot load, without an error.
      location = ZoneOffset.UTC;
    }
    return GoTimeLayout.format(t.withZoneSameInstant(location), layout);
  }

  private ZonedDateTime unix(long seconds) {
    try {
      return ZonedDateTime.ofInstant(Instant.ofEpochSecond(seconds), local());
    } catch (DateTimeException e) {
      // beyond Java's calendar range; Go still prints some far year, Java cannot
      return ZonedDateTime.ofInstant(seconds < 0 ? Instant.MIN : Instant.MAX, local());
    }
  }

  Object toDate(CallContext context, Object[] args) {
    try {
      return GoTimeLayout.parse((String) args[0], (String) args[1], local());
    } catch (GoTimeLayout.ParseException e) {
      // Helm compat: toDate swallows the parse error and returns Go's zero time.
      return GoTimeLayout.ZERO_TIME;
    }
  }

  Object mustToDate(CallContext context, Object[] args) {
    try {
      return GoTimeLayout.parse((String) args[0], (String) args[1], local());
    } catch (GoTimeLayout.ParseException e) {
      throw new FunctionException(e.getMessage());
    }
  }

  static Object dateModify(CallContext context, Object[] args) {
    ZonedDateTime t = (ZonedDateTime) args[1];
    try {
      return t.plusNanos(GoDuration.parse((String) args[0]));
    } catch (GoDuration.ParseException e) {
      return t;
    }
  }

  static Object mustDateModify(CallContext context, Object[] args) {
    try {
      return ((ZonedDateTime) args[1]).plusNanos(GoDuration.parse((String) args[0]));
    } catch (GoDuration.ParseException e) {
      throw new FunctionException(e.getMessage());
    }
  }

  static Object unixEpoch(CallContext context, Object[] args) {
    return Long.toString(((ZonedDateTime) args[0]).toEpochSecond());
  }

  /** Sprig's ago: time since a time.Time or int/int64 epoch seconds (else now), to the second. */
  Object ago(CallContext context, Object[] args) {
    ZonedDateTime t = switch (args[0]) {
      case ZonedDateTime z -> z;
      case Int64 i -> unix(i.value());
      case Long l -> unix(l);
      case null, default -> currentTime();
    };
    return GoDuration.toString(roundToSecond(since(t)));
  }

  /** Go's time.Since: nanoseconds from t to now, saturated to the int64 range. */
  private long since(ZonedDateTime t) {
    Instant now = clock.instant();
    try {
      return java.time.Duration.between(t.toInstant(), now).toNanos();
    } catch (ArithmeticException e) {
      return now.isAfter(t.toInstant()) ? Long.MAX_VALUE : Long.MIN_VALUE;
    }
  }

  /** Go's Duration.Round(time.Second): halves away from zero, saturating on overflow. */
  static long roundToSecond(long d) {
    long m = GoDuration.SECOND;
    long r = d % m;
    if (d < 0) {
      r = -r;
      if (r + r < m) {
        return d + r;
      }
      long d1 = d - m + r;
      return d1 < d ? d1 : Long.MIN_VALUE;
    }
    if (r + r < m) {
      return d - r;
    }
    long d1 = d + m - r;
    return d1 > d ? d1 : Long.MAX_VALUE;
  }

  /**
   * Sprig's duration: seconds as a string or an int64, formatted as a Go Duration. A Go int (a
   * template literal) is neither, so it is 0s.
   */
  static Object duration(CallContext context, Object[] args) {
    long n = switch (args[0]) {
      // Helm compat: Sprig's type switch knows string and int64 only; `duration 3600` is "0s".
      case String s -> parseInt64(s);
      case Int64 i -> i.value();
      case null, default -> 0L;
    };
    return GoDuration.toString(n * GoDuration.SECOND); // wraps on overflow, as Go's multiplication
  }

  /** Go's strconv.ParseInt(s, 10, 64) value, ignoring its error: 0 when invalid, clamped when too big. */
  private static long parseInt64(String s) {
    String digits = s.startsWith("+") || s.startsWith("-") ? s.substring(1) : s;
    if (digits.isEmpty() || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return 0;
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return s.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
    }
  }

  /** Sprig's durationRound: the largest whole unit (y mo d h m s) of a duration, rounded down. */
  Object durationRound(CallContext context, Object[] args) {
    long d = switch (args[0]) {
      case String s -> {
        try {
          yield GoDuration.parse(s);
        } catch (GoDuration.ParseException e) {
          yield 0L;
        }
      }
      case Int64 i -> i.value();
      case ZonedDateTime t -> since(t);
      case null, default -> 0L;
    };
    long u = d < 0 ? -d : d;
    long hour = GoDuration.HOUR;
    long day = 24 * hour;
    long year = 365 * day;
    long month = 30 * day;
    if (Long.compareUnsigned(u, year) > 0) {
      return Long.toUnsignedString(Long.divideUnsigned(u, year)) + "y";
    }
    if (u > month) {
      return u / month + "mo";
    }
    if (u > day) {
      return u / day + "d";
    }
    if (u > hour) {
      return u / hour + "h";
    }
    if (u > GoDuration.MINUTE) {
      return u / GoDuration.MINUTE + "m";
    }
    if (u > GoDuration.SECOND) {
      return u / GoDuration.SECOND + "s";
    }
    return "0s";
  }
}
