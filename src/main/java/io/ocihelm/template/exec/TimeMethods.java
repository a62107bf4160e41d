package io.ocihelm.template.exec;

import io.ocihelm.template.function.FunctionSignature;
import io.ocihelm.template.value.GoObject;
import io.ocihelm.template.value.Int64;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * The methods of Go's {@code time.Time} that templates call on dates ({@code (toDate ...).Year}):
 * the values model keeps time.Time as a {@link ZonedDateTime}, so the executor resolves its methods
 * here, the way it asks a {@link GoObject} for its members.
 */
final class TimeMethods {
  private TimeMethods() {}

  private static final FunctionSignature NO_ARGS = FunctionSignature.of();

  /** The method {@code name} of {@code t}, or null when time.Time has no such niladic method. */
  static GoObject.Member member(ZonedDateTime t, String name) {
    Object result = switch (name) {
      case "Year" -> (long) t.getYear();
      // Go's Month and Weekday print as English names.
      case "Month" -> t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      case "Day" -> (long) t.getDayOfMonth();
      case "Hour" -> (long) t.getHour();
      case "Minute" -> (long) t.getMinute();
      case "Second" -> (long) t.getSecond();
      case "Nanosecond" -> (long) t.getNano();
      case "YearDay" -> (long) t.getDayOfYear();
      case "Weekday" -> t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH);
      case "Unix" -> Int64.of(t.toEpochSecond());
      case "UnixMilli" -> Int64.of(t.toInstant().toEpochMilli());
      case "UTC" -> t.withZoneSameInstant(ZoneOffset.UTC);
      case "IsZero" -> t.toInstant().equals(ZonedDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).toInstant());
      default -> null;
    };
    if (result == null) {
      return null;
    }
    return new GoObject.Method(NO_ARGS, (ctx, args) -> result);
  }
}
