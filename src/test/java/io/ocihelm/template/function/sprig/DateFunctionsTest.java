package io.ocihelm.template.function.sprig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.ocihelm.template.fmt.GoFmt;
import io.ocihelm.template.function.FunctionException;
import io.ocihelm.template.function.FunctionRegistry;
import io.ocihelm.template.value.Int64;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Sprig's date functions against the conformance vectors (dates-*), with a fixed clock in UTC. */
class DateFunctionsTest {
  /** The moment the "now" vectors are checked against; any fixed instant makes them hermetic. */
  private static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

  private static final FunctionRegistry REGISTRY = new FunctionRegistry();

  static {
    DateFunctions.register(REGISTRY, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  static Object call(String name, Object... args) {
    return REGISTRY.lookup(name).orElseThrow().body().call(null, args);
  }

  static Object may1() {
    return call("toDate", "2006-01-02 15:04:05", "2023-05-01 13:45:30");
  }

  record Case(String name, String expected, Supplier<Object> result) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Case row(String name, String expected, Supplier<Object> result) {
    return new Case(name, expected, result);
  }

  static Stream<Case> vectors() {
    return Stream.of(
        row("dates-0001", "2023-05-01", () -> call("date", "2006-01-02", call("toDate", "2006-01-02", "2023-05-01"))),
        row("dates-0002", "2023-05-01T13:45:30Z", () -> call("date", "2006-01-02T15:04:05Z07:00", may1())),
        row("dates-0003", "May 1, 2023", () -> call("date", "Jan 2, 2006", may1())),
        row("dates-0005", "1:45PM", () -> call("date", "3:04PM", may1())),
        row("dates-0008", "Monday", () -> call("date", "Monday", may1())),
        row("dates-0009", "UTC", () -> call("date", "MST", may1())),
        row("dates-0010", "+0000", () -> call("date", "-0700", may1())),
        row("dates-0011", "Z", () -> call("date", "Z07:00", may1())),
        row("dates-0012", ".000", () -> call("date", ".000", may1())),
        row("dates-0015", "", () -> call("date", "", may1())),
        row("dates-0016", "1970-01-01", () -> call("date", "2006-01-02", 0L)),
        row("dates-0018", "1970-01-02", () -> call("date", "2006-01-02", Int64.of(86400))),
        row("dates-0019", "2026-11-25", () -> call("date", "2006-01-02", "notadate")),
        row("dates-0020", "2026-11-25", () -> call("date", "2006-01-02", null)),
        row("dates-0021", "2026", () -> call("date", "2006", 1.5e9)),
        row("dates-0023", "2023-05-01 09:45 EDT",
            () -> call("dateInZone", "2006-01-02 15:04 MST", may1(), "America/New_York")),
        row("dates-0024", "2023-05-01 19:15 +0530",
            () -> call("dateInZone", "2006-01-02 15:04 -0700", may1(), "Asia/Kolkata")),
        row("dates-0025", "2023-05-01 15:45", () -> call("dateInZone", "2006-01-02 15:04", may1(), "Europe/Berlin")),
        row("dates-0026", "2023-05-01 13:45", () -> call("dateInZone", "2006-01-02 15:04", may1(), "Bad/Zone")),
        row("dates-0028", "2023-05-01 23:45",
            () -> call("date_in_zone", "2006-01-02 15:04", may1(), "Australia/Sydney")),
        row("dates-0032", "2023-05-02", () -> call("htmlDateInZone", may1(), "Pacific/Kiritimati")),
        row("dates-0033", "2023-05-01", () -> call("htmlDateInZone", may1(), "Etc/GMT+12")),
        row("dates-0035", "0001-01-01 00:00:00 +0000 UTC", () -> GoFmt.formatValue(call("toDate", "2006-01-02", "bad"))),
        row("dates-0036", "2023-05-01 10:00:00 +0200 +0200",
            () -> GoFmt.formatValue(call("toDate", "2006-01-02T15:04:05Z07:00", "2023-05-01T10:00:00+02:00"))),
        row("dates-0038", "1682928000",
            () -> call("unixEpoch", call("toDate", "2006-01-02T15:04:05Z07:00", "2023-05-01T10:00:00+02:00"))),
        row("dates-0039", "1682899200", () -> call("unixEpoch", call("toDate", "2006-01-02", "2023-05-01"))),
        row("dates-0040", "1682948730", () -> call("unixEpoch", may1())),
        row("dates-0041", "1999-12-31", () -> call("date", "2006-01-02", call("toDate", "02/01/2006", "31/12/1999"))),
        row("dates-0043", "Feb 28", () -> call("date", "Jan 2", call("mustToDate", "2006-01-02", "2023-02-28"))),
        row("dates-0044", "0001-01-01 00:00:00 +0000 UTC",
            () -> GoFmt.formatValue(call("toDate", "2006-01-02", "2023-02-30"))),
        row("dates-0047", "15:15:30", () -> call("date", "15:04:05", call("dateModify", "+90m", may1()))),
        row("dates-0050", "15:15:45", () -> call("date", "15:04:05", call("dateModify", "1h30m15s", may1()))),
        row("dates-0053", "15:45", () -> call("date", "15:04", call("date_modify", "2h", may1()))),
        row("dates-0055", "13:46", () -> call("date", "15:04", call("mustDateModify", "1m", may1()))),
        row("dates-0056", "13:48", () -> call("date", "15:04", call("must_date_modify", "3m", may1()))),
        row("dates-0058", "1m35s", () -> call("duration", "95")),
        row("dates-0060", "0s", () -> call("duration", 3600L)),
        row("dates-0061", "0s", () -> call("duration", 86400L)),
        row("dates-0063", "0s", () -> call("duration", -5L)),
        row("dates-0064", "0s", () -> call("duration", 1.9)),
        row("dates-0065", "0s", () -> call("duration", "abc")),
        row("dates-0066", "45s", () -> call("duration", Int64.of(45))),
        row("dates-0067", "2h", () -> call("durationRound", "2h10m5s")),
        row("dates-0069", "1m", () -> call("durationRound", "61s")),
        row("dates-0070", "1h", () -> call("durationRound", "1h59m")),
        row("dates-0072", "0s", () -> call("durationRound", "400d")),
        row("dates-0073", "0s", () -> call("durationRound", "800d")),
        row("dates-0076", "3m", () -> call("durationRound", "-3m")),
        row("dates-0077", "0s", () -> call("durationRound", "bad")),
        row("dates-0079", "60m", () -> call("durationRound", Int64.of(3600000000000L))),
        row("dates-0081", "59s", () -> call("durationRound", "59s")),
        row("dates-0082", "1d", () -> call("durationRound", "25h")),
        row("dates-0083", "30d", () -> call("durationRound", "720h")),
        row("dates-0084", "12mo", () -> call("durationRound", "8760h")),
        row("dates-0085", "2y", () -> call("durationRound", "17520h")),
        row("dates-0086", "6y", () -> call("durationRound", call("toDate", "2006-01-02", "2020-01-01"))),
        row("dates-0093", "2023-05-01 13:45:30 +0000 UTC", () -> GoFmt.formatValue(may1())),
        row("dates-0099", "0001-01-01", () -> call("date", "2006-01-02", call("toDate", "2006", "bad"))),
        row("dates-0101", "time.Time", () -> GoFmt.sprintf("%T", call("now"))),
        row("dates-0105", "10", () -> String.valueOf(((String) call("htmlDate", call("now"))).length())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("vectors")
  void matchesConformanceVector(Case c) {
    assertThat(c.result().get()).hasToString(c.expected());
  }

  @Test
  void mustToDateFailsWithGoParseError() {
    // dates-0042
    assertThatThrownBy(() -> call("mustToDate", "2006-01-02", "2023-02-30"))
        .isInstanceOf(FunctionException.class)
        .hasMessage("parsing time \"2023-02-30\": day out of range");
  }

  @Test
  void agoOfNowIsZeroSeconds() {
    // dates-0102, dates-0103: ago now ends in "s" and matches Go's duration shape
    assertThat((String) call("ago", call("now"))).isEqualTo("0s");
  }
}
