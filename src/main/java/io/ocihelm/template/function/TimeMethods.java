package io.ocihelm.template.function;

import io.ocihelm.template.fmt.GoTimeLayout;
import io.ocihelm.template.value.GoObject;
import io.ocihelm.template.value.Int64;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * The methods of Go's {@code time.Time} that templates call on a {@link ZonedDateTime} ({@code
 * (toDate ...).Year}, {@code now.Weekday}, {@code .UTC}, {@code .IsZero}, {@code .Format ...}). The
 * executor asks {@link #member} when a field chain meets a time value.
 */
public final class TimeMethods {
  private TimeMethods() {}

  /** The method {@code name} of {@code t}, or null when time.Time has none by that name. */
  public static GoObject.Member member(ZonedDateTime t, String name) {
    return switch (name) {
      case "Year" -> nullary(() -> (long) t.getYear());
      case "Month" -> nullary(() -> new Named("time.Month", GoTimeLayout.monthName(t.getMonthValue())));
      case "Day" -> nullary(() -> (long) t.getDayOfMonth());
      case "Hour" -> nullary(() -> (long) t.getHour());
      case "Minute" -> nullary(() -> (long) t.getMinute());
      case "Second" -> nullary(() -> (long) t.getSecond());
      case "Nanosecond" -> nullary(() -> (long) t.getNano());
      case "YearDay" -> nullary(() -> (long) t.getDayOfYear());
      case "Weekday" -> nullary(() -> new Named("time.Weekday", GoTimeLayout.weekdayName(t.getDayOfWeek())));
      case "Unix" -> nullary(() -> Int64.of(t.toEpochSecond()));
      case "UnixMilli" -> nullary(() -> Int64.of(t.toInstant().toEpochMilli()));
      case "UnixNano" -> nullary(() -> Int64.of(t.toEpochSecond() * 1_000_000_000L + t.getNano()));
      // Go's zero time is one instant, whatever location it is shown in
      case "IsZero" -> nullary(() -> t.toInstant().equals(GoTimeLayout.ZERO_TIME.toInstant()));
      case "UTC" -> nullary(() -> t.withZoneSameInstant(ZoneOffset.UTC));
      case "String" -> nullary(() -> GoTimeLayout.timeString(t));
      case "Format" -> new GoObject.Method(FunctionSignature.of(GoType.STRING),
          (context, args) -> GoTimeLayout.format(t, (String) args[0]));
      case "Add" -> new GoObject.Method(FunctionSignature.of(GoType.INT64),
          (context, args) -> t.plusNanos((Long) args[0]));
      case "AddDate" -> new GoObject.Method(FunctionSignature.of(GoType.INT, GoType.INT, GoType.INT),
          (context, args) -> addDate(t, (Long) args[0], (Long) args[1], (Long) args[2]));
      default -> null;
    };
  }

  /** Go's AddDate normalises overflowing days and months (Oct 31 + 1 month = Dec 1), unlike Java. */
  private static ZonedDateTime addDate(ZonedDateTime t, long years, long months, long days) {
    long totalMonths = t.getMonthValue() - 1 + months;
    long year = t.getYear() + years + Math.floorDiv(totalMonths, 12);
    int month = (int) Math.floorMod(totalMonths, 12) + 1;
    return t.withDayOfMonth(1).withYear((int) year).withMonth(month)
        .plusDays(t.getDayOfMonth() - 1 + days);
  }

  private static GoObject.Member nullary(java.util.function.Supplier<Object> value) {
    return new GoObject.Method(FunctionSignature.of(), (context, args) -> value.get());
  }

  /** A Go named integer type with a String() method (time.Month, time.Weekday). */
  private record Named(String goTypeName, String goString) implements GoObject {
    @Override
    public GoObject.Member member(String name) {
      return name.equals("String") ? nullary(() -> goString) : null;
    }
  }
}
