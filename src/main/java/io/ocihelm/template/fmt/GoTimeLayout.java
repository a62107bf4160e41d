package io.ocihelm.template.fmt;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Go's reference-time layouts ({@code "2006-01-02T15:04:05Z07:00"}): {@code time.Time.Format},
 * {@code time.ParseInLocation} with Go's error texts, and {@code time.Time.String()}.
 *
 * <p>Go's zero time (year 1, UTC) is what a failed {@code toDate} returns; it is {@link #ZERO_TIME}.
 */
public final class GoTimeLayout {
  private GoTimeLayout() {}

  /** Go's {@code time.Time{}}: 0001-01-01 00:00:00 UTC. */
  public static final ZonedDateTime ZERO_TIME = ZonedDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);

  /** The layout of Go's {@code time.Time.String()} (without the monotonic clock reading). */
  public static final String STRING_LAYOUT = "2006-01-02 15:04:05.999999999 -0700 MST";

  private static final String[] LONG_MONTHS = {
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December"
  };
  private static final String[] LONG_DAYS = {
    "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"
  };

  // layout elements (Go's std* constants)
  private enum Std {
    NONE, LONG_MONTH, MONTH, NUM_MONTH, ZERO_MONTH, LONG_WEEKDAY, WEEKDAY, DAY, UNDER_DAY, ZERO_DAY,
    UNDER_YEAR_DAY, ZERO_YEAR_DAY, HOUR, HOUR12, ZERO_HOUR12, MINUTE, ZERO_MINUTE, SECOND, ZERO_SECOND,
    LONG_YEAR, YEAR, PM, LOWER_PM, TZ,
    ISO8601_TZ, ISO8601_SECONDS_TZ, ISO8601_SHORT_TZ, ISO8601_COLON_TZ, ISO8601_COLON_SECONDS_TZ,
    NUM_TZ, NUM_SECONDS_TZ, NUM_SHORT_TZ, NUM_COLON_TZ, NUM_COLON_SECONDS_TZ,
    FRAC_SECOND0, FRAC_SECOND9
  }

  /** One layout chunk: literal prefix, element (with fraction digits and separator), the rest. */
  private record Chunk(String prefix, Std std, int fracDigits, char fracSeparator, String suffix) {
    String element(String layout) {
      return layout.substring(prefix.length(), layout.length() - suffix.length());
    }
  }

  private static Chunk chunk(String layout, int i, Std std, int length) {
    return new Chunk(layout.substring(0, i), std, 0, '.', layout.substring(i + length));
  }

  /** Go's nextStdChunk: finds the first layout element. */
  private static Chunk nextChunk(String layout) {
    int n = layout.length();
    for (int i = 0; i < n; i++) {
      char c = layout.charAt(i);
      switch (c) {
        case 'J':
          if (layout.startsWith("Jan", i)) {
            if (layout.startsWith("January", i)) {
              return chunk(layout, i, Std.LONG_MONTH, 7);
            }
            if (!startsWithLowerCase(layout, i + 3)) {
              return chunk(layout, i, Std.MONTH, 3);
            }
          }
          break;
        case 'M':
          if (layout.startsWith("Mon", i)) {
            if (layout.startsWith("Monday", i)) {
              return chunk(layout, i, Std.LONG_WEEKDAY, 6);
            }
            if (!startsWithLowerCase(layout, i + 3)) {
              return chunk(layout, i, Std.WEEKDAY, 3);
            }
          }
          if (layout.startsWith("MST", i)) {
            return chunk(layout, i, Std.TZ, 3);
          }
          break;
        case '0':
          if (i + 1 < n && layout.charAt(i + 1) >= '1' && layout.charAt(i + 1) <= '6') {
            Std std = switch (layout.charAt(i + 1)) {
              case '1' -> Std.ZERO_MONTH;
              case '2' -> Std.ZERO_DAY;
              case '3' -> Std.ZERO_HOUR12;
              case '4' -> Std.ZERO_MINUTE;
              case '5' -> Std.ZERO_SECOND;
              default -> Std.YEAR;
            };
            return chunk(layout, i, std, 2);
          }
          if (layout.startsWith("002", i)) {
            return chunk(layout, i, Std.ZERO_YEAR_DAY, 3);
          }
          break;
        case '1':
          if (i + 1 < n && layout.charAt(i + 1) == '5') {
            return chunk(layout, i, Std.HOUR, 2);
          }
          return chunk(layout, i, Std.NUM_MONTH, 1);
        case '2':
          if (layout.startsWith("2006", i)) {
            return chunk(layout, i, Std.LONG_YEAR, 4);
          }
          return chunk(layout, i, Std.DAY, 1);
        case '_':
          if (i + 1 < n && layout.charAt(i + 1) == '2') {
            // "_2006" is a literal underscore, then the year
            if (layout.startsWith("2006", i + 1)) {
              return new Chunk(layout.substring(0, i + 1), Std.LONG_YEAR, 0, '.', layout.substring(i + 5));
            }
            return chunk(layout, i, Std.UNDER_DAY, 2);
          }
          if (layout.startsWith("__2", i)) {
            return chunk(layout, i, Std.UNDER_YEAR_DAY, 3);
          }
          break;
        case '3':
          return chunk(layout, i, Std.HOUR12, 1);
        case '4':
          return chunk(layout, i, Std.MINUTE, 1);
        case '5':
          return chunk(layout, i, Std.SECOND, 1);
        case 'P':
          if (i + 1 < n && layout.charAt(i + 1) == 'M') {
            return chunk(layout, i, Std.PM, 2);
          }
          break;
        case 'p':
          if (i + 1 < n && layout.charAt(i + 1) == 'm') {
            return chunk(layout, i, Std.LOWER_PM, 2);
          }
          break;
        case '-':
          if (layout.startsWith("-070000", i)) {
            return chunk(layout, i, Std.NUM_SECONDS_TZ, 7);
          }
          if (layout.startsWith("-07:00:00", i)) {
            return chunk(layout, i, Std.NUM_COLON_SECONDS_TZ, 9);
          }
          if (layout.startsWith("-0700", i)) {
            return chunk(layout, i, Std.NUM_TZ, 5);
          }
          if (layout.startsWith("-07:00", i)) {
            return chunk(layout, i, Std.NUM_COLON_TZ, 6);
          }
          if (layout.startsWith("-07", i)) {
            return chunk(layout, i, Std.NUM_SHORT_TZ, 3);
          }
          break;
        case 'Z':
          if (layout.startsWith("Z070000", i)) {
            return chunk(layout, i, Std.ISO8601_SECONDS_TZ, 7);
          }
          if (layout.startsWith("Z07:00:00", i)) {
            return chunk(layout, i, Std.ISO8601_COLON_SECONDS_TZ, 9);
          }
          if (layout.startsWith("Z0700", i)) {
            return chunk(layout, i, Std.ISO8601_TZ, 5);
          }
          if (layout.startsWith("Z07:00", i)) {
            return chunk(layout, i, Std.ISO8601_COLON_TZ, 6);
          }
          if (layout.startsWith("Z07", i)) {
            return chunk(layout, i, Std.ISO8601_SHORT_TZ, 3);
          }
          break;
        case '.', ',':
          if (i + 1 < n && (layout.charAt(i + 1) == '0' || layout.charAt(i + 1) == '9')) {
            char ch = layout.charAt(i + 1);
            int j = i + 1;
            while (j < n && layout.charAt(j) == ch) {
              j++;
            }
            // only a fraction when the run of equal digits ends the number
            if (!(j < n && isDigit(layout.charAt(j)))) {
              Std std = ch == '0' ? Std.FRAC_SECOND0 : Std.FRAC_SECOND9;
              return new Chunk(layout.substring(0, i), std, j - (i + 1), c, layout.substring(j));
            }
          }
          break;
        default:
          break;
      }
    }
    return new Chunk(layout, Std.NONE, 0, '.', "");
  }

  private static boolean startsWithLowerCase(String s, int i) {
    return i < s.length() && s.charAt(i) >= 'a' && s.charAt(i) <= 'z';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  // ---- Format ---------------------------------------------------------------------------------

  /** Go's {@code time.Time.String()}. */
  public static String timeString(ZonedDateTime t) {
    return format(t, STRING_LAYOUT);
  }

  /** Go's {@code t.Format(layout)}. */
  public static String format(ZonedDateTime t, String layout) {
    StringBuilder b = new StringBuilder(layout.length() + 10);
    while (!layout.isEmpty()) {
      Chunk c = nextChunk(layout);
      b.append(c.prefix());
      if (c.std() == Std.NONE) {
        break;
      }
      layout = c.suffix();
      appendElement(b, t, c);
    }
    return b.toString();
  }

  private static void appendElement(StringBuilder b, ZonedDateTime t, Chunk c) {
    int year = t.getYear();
    int hour = t.getHour();
    int offset = t.getOffset().getTotalSeconds();
    switch (c.std()) {
      case YEAR -> appendInt(b, Math.floorMod(year, 100), 2);
      case LONG_YEAR -> appendInt(b, year, 4);
      case MONTH -> b.append(LONG_MONTHS[t.getMonthValue() - 1], 0, 3);
      case LONG_MONTH -> b.append(LONG_MONTHS[t.getMonthValue() - 1]);
      case NUM_MONTH -> appendInt(b, t.getMonthValue(), 0);
      case ZERO_MONTH -> appendInt(b, t.getMonthValue(), 2);
      case WEEKDAY -> b.append(weekdayName(t), 0, 3);
      case LONG_WEEKDAY -> b.append(weekdayName(t));
      case DAY -> appendInt(b, t.getDayOfMonth(), 0);
      case UNDER_DAY -> {
        if (t.getDayOfMonth() < 10) {
          b.append(' ');
        }
        appendInt(b, t.getDayOfMonth(), 0);
      }
      case ZERO_DAY -> appendInt(b, t.getDayOfMonth(), 2);
      case UNDER_YEAR_DAY -> {
        int yday = t.getDayOfYear();
        if (yday < 100) {
          b.append(' ');
          if (yday < 10) {
            b.append(' ');
          }
        }
        appendInt(b, yday, 0);
      }
      case ZERO_YEAR_DAY -> appendInt(b, t.getDayOfYear(), 3);
      case HOUR -> appendInt(b, hour, 2);
      case HOUR12 -> appendInt(b, hour % 12 == 0 ? 12 : hour % 12, 0);
      case ZERO_HOUR12 -> appendInt(b, hour % 12 == 0 ? 12 : hour % 12, 2);
      case MINUTE -> appendInt(b, t.getMinute(), 0);
      case ZERO_MINUTE -> appendInt(b, t.getMinute(), 2);
      case SECOND -> appendInt(b, t.getSecond(), 0);
      case ZERO_SECOND -> appendInt(b, t.getSecond(), 2);
      case PM -> b.append(hour >= 12 ? "PM" : "AM");
      case LOWER_PM -> b.append(hour >= 12 ? "pm" : "am");
      case ISO8601_TZ, ISO8601_COLON_TZ, ISO8601_SECONDS_TZ, ISO8601_SHORT_TZ, ISO8601_COLON_SECONDS_TZ,
          NUM_TZ, NUM_COLON_TZ, NUM_SECONDS_TZ, NUM_SHORT_TZ, NUM_COLON_SECONDS_TZ -> appendOffset(b, c.std(), offset);
      case TZ -> {
        String name = zoneAbbreviation(t);
        if (!name.isEmpty()) {
          b.append(name);
        } else {
          int zone = offset / 60;
          if (zone < 0) {
            b.append('-');
            zone = -zone;
          } else {
            b.append('+');
          }
          appendInt(b, zone / 60, 2);
          appendInt(b, zone % 60, 2);
        }
      }
      case FRAC_SECOND0, FRAC_SECOND9 -> appendNano(b, t.getNano(), c);
      case NONE -> {}
    }
  }

  private static String weekdayName(ZonedDateTime t) {
    return LONG_DAYS[t.getDayOfWeek().getValue() % 7];
  }

  private static void appendOffset(StringBuilder b, Std std, int offset) {
    boolean iso = switch (std) {
      case ISO8601_TZ, ISO8601_COLON_TZ, ISO8601_SECONDS_TZ, ISO8601_SHORT_TZ, ISO8601_COLON_SECONDS_TZ -> true;
      default -> false;
    };
    if (offset == 0 && iso) {
      b.append('Z');
      return;
    }
    int zone = offset / 60;
    int absOffset = offset;
    if (zone < 0) {
      b.append('-');
      zone = -zone;
      absOffset = -absOffset;
    } else {
      b.append('+');
    }
    appendInt(b, zone / 60, 2);
    if (std == Std.ISO8601_COLON_TZ || std == Std.NUM_COLON_TZ
        || std == Std.ISO8601_COLON_SECONDS_TZ || std == Std.NUM_COLON_SECONDS_TZ) {
      b.append(':');
    }
    if (std != Std.NUM_SHORT_TZ && std != Std.ISO8601_SHORT_TZ) {
      appendInt(b, zone % 60, 2);
    }
    if (std == Std.ISO8601_SECONDS_TZ || std == Std.NUM_SECONDS_TZ
        || std == Std.NUM_COLON_SECONDS_TZ || std == Std.ISO8601_COLON_SECONDS_TZ) {
      if (std == Std.NUM_COLON_SECONDS_TZ || std == Std.ISO8601_COLON_SECONDS_TZ) {
        b.append(':');
      }
      appendInt(b, absOffset % 60, 2);
    }
  }

  private static void appendNano(StringBuilder b, int nanos, Chunk c) {
    boolean trim = c.std() == Std.FRAC_SECOND9;
    int n = c.fracDigits();
    if (trim && (n == 0 || nanos == 0)) {
      return;
    }
    StringBuilder frac = new StringBuilder();
    appendInt(frac, nanos, 9);
    if (n < 9) {
      frac.setLength(n);
    }
    if (trim) {
      int end = frac.length();
      while (end > 0 && frac.charAt(end - 1) == '0') {
        end--;
      }
      frac.setLength(end);
      if (end == 0) {
        return;
      }
    }
    b.append(c.fracSeparator()).append(frac);
  }

  /** Go's appendInt: decimal, zero-padded to {@code width}, sign first. */
  private static void appendInt(StringBuilder b, long x, int width) {
    if (x < 0) {
      b.append('-');
      x = -x;
    }
    String digits = Long.toString(x);
    for (int i = digits.length(); i < width; i++) {
      b.append('0');
    }
    b.append(digits);
  }

  /**
   * The zone abbreviation Go prints for {@code MST}: "UTC" for UTC, "" for a bare offset (Go then
   * prints "-0700" digits), the tz database abbreviation for a region. Java's zone texts stand in
   * for the tz database's; where Java only knows "GMT+hh:mm", the tz database's numeric
   * abbreviation ("+14", "-0930") is what Go shows.
   */
  static String zoneAbbreviation(ZonedDateTime t) {
    ZoneId zone = t.getZone();
    int offset = t.getOffset().getTotalSeconds();
    if (zone instanceof ZoneOffset) {
      return offset == 0 ? "UTC" : "";
    }
    String id = zone.getId();
    if (id.equals("UTC") || id.equals("Etc/UTC") || id.equals("Etc/UCT") || id.equals("UCT")
        || id.equals("Etc/Universal") || id.equals("Universal") || id.equals("Etc/Zulu") || id.equals("Zulu")) {
      return "UTC";
    }
    java.util.Optional<String> fromTzdata = TzdataAbbreviations.abbreviation(t);
    if (fromTzdata.isPresent()) {
      return fromTzdata.get();
    }
    String name = DateTimeFormatter.ofPattern("zzz", Locale.US).format(t);
    if (name.startsWith("GMT") && (name.length() > 3 || offset != 0) || name.startsWith("UTC")) {
      return numericAbbreviation(offset);
    }
    return name;
  }

  private static String numericAbbreviation(int offset) {
    StringBuilder b = new StringBuilder(offset < 0 ? "-" : "+");
    int minutes = Math.abs(offset) / 60;
    appendInt(b, minutes / 60, 2);
    if (minutes % 60 != 0) {
      appendInt(b, minutes % 60, 2);
    }
    return b.toString();
  }

  // ---- Parse ----------------------------------------------------------------------------------

  /** Go's {@code *time.ParseError}: its message is Go's {@code Error()} text. */
  public static final class ParseException extends Exception {
    ParseException(String message) {
      super(message, null, false, false);
    }
  }

  private static ParseException parseError(String layout, String value, String layoutElem, String valueElem, String message) {
    if (message.isEmpty()) {
      return new ParseException("parsing time " + quote(value) + " as " + quote(layout) + ": cannot parse "
          + quote(valueElem) + " as " + quote(layoutElem));
    }
    return new ParseException("parsing time " + quote(value) + message);
  }

  /** Go's time-package quote: double quotes, {@code \x} escapes for non-ASCII and controls. */
  public static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      if (c >= 0x80 || c < ' ') {
        for (byte x : new String(Character.toChars(c)).getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
          b.append("\\x").append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
        }
      } else {
        if (c == '"' || c == '\\') {
          b.append('\\');
        }
        b.append((char) c);
      }
    }
    return b.append('"').toString();
  }

  private static final class Bad extends Exception {
    Bad() {
      super(null, null, false, false);
    }
  }

  /**
   * Go's {@code time.ParseInLocation(layout, value, local)}: a time without zone information is
   * in {@code local}; a parsed offset that {@code local} has at that instant keeps {@code local},
   * any other becomes a bare offset.
   */
  public static ZonedDateTime parse(String layout, String value, ZoneId local) throws ParseException {
    final String alayout = layout;
    final String avalue = value;
    int year = 0;
    int month = -1;
    int day = -1;
    int yday = -1;
    int hour = 0;
    int min = 0;
    int sec = 0;
    int nsec = 0;
    boolean pmSet = false;
    boolean amSet = false;
    boolean utc = false;
    int zoneOffset = -1;
    boolean zoneOffsetSet = false;
    String zoneName = "";

    while (true) {
      Chunk c = nextChunk(layout);
      String stdstr = c.element(layout);
      String afterSkip = skip(value, c.prefix());
      if (afterSkip == null) {
        return throwing(parseError(alayout, avalue, c.prefix(), value, ""));
      }
      value = afterSkip;
      if (c.std() == Std.NONE) {
        if (!value.isEmpty()) {
          return throwing(parseError(alayout, avalue, "", value, ": extra text: " + quote(value)));
        }
        break;
      }
      layout = c.suffix();
      String hold = value;
      String rangeErr = "";
      try {
        switch (c.std()) {
          case YEAR -> {
            if (value.length() < 2) {
              throw new Bad();
            }
            String p = value.substring(0, 2);
            Integer y = atoi(p);
            if (y == null) {
              throw new Bad();
            }
            value = value.substring(2);
            year = y >= 69 ? y + 1900 : y + 2000;
          }
          case LONG_YEAR -> {
            if (value.length() < 4 || !isDigit(value.charAt(0))) {
              throw new Bad();
            }
            Integer y = atoi(value.substring(0, 4));
            if (y == null) {
              throw new Bad();
            }
            value = value.substring(4);
            year = y;
          }
          case MONTH, LONG_MONTH -> {
            int[] found = lookup(c.std() == Std.MONTH ? shortNames(LONG_MONTHS) : LONG_MONTHS, value);
            month = found[0] + 1;
            value = value.substring(found[1]);
          }
          case NUM_MONTH, ZERO_MONTH -> {
            int[] num = getNum(value, c.std() == Std.ZERO_MONTH);
            month = num[0];
            value = value.substring(num[1]);
            if (month <= 0 || month > 12) {
              rangeErr = "month";
            }
          }
          case WEEKDAY, LONG_WEEKDAY -> {
            int[] found = lookup(c.std() == Std.WEEKDAY ? shortNames(LONG_DAYS) : LONG_DAYS, value);
            value = value.substring(found[1]);
          }
          case DAY, UNDER_DAY, ZERO_DAY -> {
            if (c.std() == Std.UNDER_DAY && !value.isEmpty() && value.charAt(0) == ' ') {
              value = value.substring(1);
            }
            int[] num = getNum(value, c.std() == Std.ZERO_DAY);
            day = num[0];
            value = value.substring(num[1]);
            // the day's range is checked once month and year are known
          }
          case UNDER_YEAR_DAY, ZERO_YEAR_DAY -> {
            for (int i = 0; i < 2; i++) {
              if (c.std() == Std.UNDER_YEAR_DAY && !value.isEmpty() && value.charAt(0) == ' ') {
                value = value.substring(1);
              }
            }
            int[] num = getNum3(value, c.std() == Std.ZERO_YEAR_DAY);
            yday = num[0];
            value = value.substring(num[1]);
            if (yday < 1 || yday > 366) {
              rangeErr = "day-of-year";
            }
          }
          case HOUR -> {
            int[] num = getNum(value, false);
            hour = num[0];
            value = value.substring(num[1]);
            if (hour < 0 || hour >= 24) {
              rangeErr = "hour";
            }
          }
          case HOUR12, ZERO_HOUR12 -> {
            int[] num = getNum(value, c.std() == Std.ZERO_HOUR12);
            hour = num[0];
            value = value.substring(num[1]);
            if (hour < 0 || hour > 12) {
              rangeErr = "hour";
            }
          }
          case MINUTE, ZERO_MINUTE -> {
            int[] num = getNum(value, c.std() == Std.ZERO_MINUTE);
            min = num[0];
            value = value.substring(num[1]);
            if (min < 0 || min >= 60) {
              rangeErr = "minute";
            }
          }
          case SECOND, ZERO_SECOND -> {
            int[] num = getNum(value, c.std() == Std.ZERO_SECOND);
            sec = num[0];
            value = value.substring(num[1]);
            if (sec < 0 || sec >= 60) {
              rangeErr = "second";
              break;
            }
            // A fraction in the value without one in the layout is accepted.
            if (value.length() >= 2 && (value.charAt(0) == '.' || value.charAt(0) == ',') && isDigit(value.charAt(1))) {
              Std next = nextChunk(layout).std();
              if (next == Std.FRAC_SECOND0 || next == Std.FRAC_SECOND9) {
                break;
              }
              int n = 2;
              while (n < value.length() && isDigit(value.charAt(n))) {
                n++;
              }
              nsec = parseNanoseconds(value, n);
              value = value.substring(n);
            }
          }
          case PM, LOWER_PM -> {
            if (value.length() < 2) {
              throw new Bad();
            }
            String p = value.substring(0, 2);
            value = value.substring(2);
            String pm = c.std() == Std.PM ? "PM" : "pm";
            String am = c.std() == Std.PM ? "AM" : "am";
            if (p.equals(pm)) {
              pmSet = true;
            } else if (p.equals(am)) {
              amSet = true;
            } else {
              throw new Bad();
            }
          }
          case ISO8601_TZ, ISO8601_COLON_TZ, ISO8601_SECONDS_TZ, ISO8601_SHORT_TZ, ISO8601_COLON_SECONDS_TZ,
              NUM_TZ, NUM_SHORT_TZ, NUM_COLON_TZ, NUM_SECONDS_TZ, NUM_COLON_SECONDS_TZ -> {
            Std std = c.std();
            if ((std == Std.ISO8601_TZ || std == Std.ISO8601_SHORT_TZ || std == Std.ISO8601_COLON_TZ)
                && !value.isEmpty() && value.charAt(0) == 'Z') {
              value = value.substring(1);
              utc = true;
              break;
            }
            String sign;
            String hh;
            String mm;
            String ss;
            if (std == Std.ISO8601_COLON_TZ || std == Std.NUM_COLON_TZ) {
              if (value.length() < 6 || value.charAt(3) != ':') {
                throw new Bad();
              }
              sign = value.substring(0, 1);
              hh = value.substring(1, 3);
              mm = value.substring(4, 6);
              ss = "00";
              value = value.substring(6);
            } else if (std == Std.NUM_SHORT_TZ || std == Std.ISO8601_SHORT_TZ) {
              if (value.length() < 3) {
                throw new Bad();
              }
              sign = value.substring(0, 1);
              hh = value.substring(1, 3);
              mm = "00";
              ss = "00";
              value = value.substring(3);
            } else if (std == Std.ISO8601_COLON_SECONDS_TZ || std == Std.NUM_COLON_SECONDS_TZ) {
              if (value.length() < 9 || value.charAt(3) != ':' || value.charAt(6) != ':') {
                throw new Bad();
              }
              sign = value.substring(0, 1);
              hh = value.substring(1, 3);
              mm = value.substring(4, 6);
              ss = value.substring(7, 9);
              value = value.substring(9);
            } else if (std == Std.ISO8601_SECONDS_TZ || std == Std.NUM_SECONDS_TZ) {
              if (value.length() < 7) {
                throw new Bad();
              }
              sign = value.substring(0, 1);
              hh = value.substring(1, 3);
              mm = value.substring(3, 5);
              ss = value.substring(5, 7);
              value = value.substring(7);
            } else {
              if (value.length() < 5) {
                throw new Bad();
              }
              sign = value.substring(0, 1);
              hh = value.substring(1, 3);
              mm = value.substring(3, 5);
              ss = "00";
              value = value.substring(5);
            }
            int hr = getNum(hh, true)[0];
            int m = getNum(mm, true)[0];
            int s = getNum(ss, true)[0];
            if (hr > 24) {
              rangeErr = "time zone offset hour";
            }
            if (m > 60) {
              rangeErr = "time zone offset minute";
            }
            if (s > 60) {
              rangeErr = "time zone offset second";
            }
            zoneOffset = (hr * 60 + m) * 60 + s;
            switch (sign.charAt(0)) {
              case '+' -> {}
              case '-' -> zoneOffset = -zoneOffset;
              default -> throw new Bad();
            }
            zoneOffsetSet = true;
          }
          case TZ -> {
            if (value.startsWith("UTC")) {
              utc = true;
              value = value.substring(3);
              break;
            }
            int n = parseTimeZone(value);
            if (n <= 0) {
              throw new Bad();
            }
            zoneName = value.substring(0, n);
            value = value.substring(n);
          }
          case FRAC_SECOND0 -> {
            int ndigit = 1 + c.fracDigits();
            if (value.length() < ndigit) {
              throw new Bad();
            }
            nsec = parseNanoseconds(value, ndigit);
            value = value.substring(ndigit);
          }
          case FRAC_SECOND9 -> {
            if (value.length() < 2 || !(value.charAt(0) == '.' || value.charAt(0) == ',') || !isDigit(value.charAt(1))) {
              break; // fraction omitted
            }
            int i = 0;
            while (i + 1 < value.length() && isDigit(value.charAt(i + 1))) {
              i++;
            }
            nsec = parseNanoseconds(value, 1 + i);
            value = value.substring(1 + i);
          }
          case NONE -> {}
        }
      } catch (Bad bad) {
        if (!rangeErr.isEmpty()) {
          return throwing(parseError(alayout, avalue, stdstr, value, ": " + rangeErr + " out of range"));
        }
        return throwing(parseError(alayout, avalue, stdstr, hold, ""));
      } catch (RangeError r) {
        return throwing(parseError(alayout, avalue, stdstr, value, ": " + r.what + " out of range"));
      }
      if (!rangeErr.isEmpty()) {
        return throwing(parseError(alayout, avalue, stdstr, value, ": " + rangeErr + " out of range"));
      }
    }
    if (pmSet && hour < 12) {
      hour += 12;
    } else if (amSet && hour == 12) {
      hour = 0;
    }
    if (yday >= 0) {
      int d;
      int m;
      boolean leap = java.time.Year.isLeap(year);
      if (yday == 366 && !leap) {
        return throwing(parseError(alayout, avalue, "", value, ": day-of-year out of range"));
      }
      LocalDateTime fromYday = LocalDateTime.of(year, 1, 1, 0, 0).plusDays(yday - 1);
      m = fromYday.getMonthValue();
      d = fromYday.getDayOfMonth();
      if (month >= 0 && month != m) {
        return throwing(parseError(alayout, avalue, "", value, ": day-of-year does not match month"));
      }
      month = m;
      if (day >= 0 && day != d) {
        return throwing(parseError(alayout, avalue, "", value, ": day-of-year does not match day"));
      }
      day = d;
    } else {
      if (month < 0) {
        month = 1;
      }
      if (day < 0) {
        day = 1;
      }
    }
    if (day < 1 || day > daysIn(month, year)) {
      return throwing(parseError(alayout, avalue, "", value, ": day out of range"));
    }
    LocalDateTime wall = LocalDateTime.of(year, month, day, hour, min, sec, nsec);
    if (utc) {
      return wall.atZone(ZoneOffset.UTC);
    }
    if (zoneOffsetSet) {
      Instant instant = wall.toInstant(ZoneOffset.ofTotalSeconds(zoneOffset));
      ZonedDateTime inLocal = instant.atZone(local);
      if (inLocal.getOffset().getTotalSeconds() == zoneOffset) {
        return inLocal;
      }
      return instant.atZone(ZoneOffset.ofTotalSeconds(zoneOffset));
    }
    if (!zoneName.isEmpty()) {
      ZonedDateTime inLocal = wall.atZone(local);
      if (zoneAbbreviation(inLocal).equals(zoneName)) {
        return inLocal;
      }
      int offset = 0;
      if (zoneName.length() > 3 && zoneName.startsWith("GMT")) {
        offset = Integer.parseInt(zoneName.substring(3).replace("+", "")) * 3600;
      }
      // Go keeps the name with an unknown (zero) offset; a bare offset is the closest Java has.
      return wall.atZone(ZoneOffset.ofTotalSeconds(offset));
    }
    return wall.atZone(local);
  }

  private static ZonedDateTime throwing(ParseException e) throws ParseException {
    throw e;
  }

  private static final class RangeError extends RuntimeException {
    final String what;

    RangeError(String what) {
      super(what, null, false, false);
      this.what = what;
    }
  }

  private static int daysIn(int month, int year) {
    return java.time.YearMonth.of(year, month).lengthOfMonth();
  }

  private static String[] shortNames(String[] names) {
    String[] s = new String[names.length];
    for (int i = 0; i < names.length; i++) {
      s[i] = names[i].substring(0, 3);
    }
    return s;
  }

  /** Case-insensitive prefix match of a name table: {index, length}. */
  private static int[] lookup(String[] table, String value) throws Bad {
    for (int i = 0; i < table.length; i++) {
      String v = table[i];
      if (value.length() >= v.length() && value.substring(0, v.length()).equalsIgnoreCase(v)) {
        return new int[] {i, v.length()};
      }
    }
    throw new Bad();
  }

  /** Go's getnum: one or two digits (exactly two when fixed): {value, consumed}. */
  private static int[] getNum(String s, boolean fixed) throws Bad {
    if (s.isEmpty() || !isDigit(s.charAt(0))) {
      throw new Bad();
    }
    if (s.length() < 2 || !isDigit(s.charAt(1))) {
      if (fixed) {
        throw new Bad();
      }
      return new int[] {s.charAt(0) - '0', 1};
    }
    return new int[] {(s.charAt(0) - '0') * 10 + (s.charAt(1) - '0'), 2};
  }

  /** Go's getnum3: one to three digits (exactly three when fixed). */
  private static int[] getNum3(String s, boolean fixed) throws Bad {
    int n = 0;
    int i = 0;
    for (; i < 3 && i < s.length() && isDigit(s.charAt(i)); i++) {
      n = n * 10 + (s.charAt(i) - '0');
    }
    if (i == 0 || (fixed && i != 3)) {
      throw new Bad();
    }
    return new int[] {n, i};
  }

  private static Integer atoi(String s) {
    try {
      return Integer.parseInt(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static int parseNanoseconds(String value, int nbytes) throws Bad {
    char sep = value.charAt(0);
    if (sep != '.' && sep != ',') {
      throw new Bad();
    }
    if (nbytes > 10) {
      value = value.substring(0, 10);
      nbytes = 10;
    }
    String digits = value.substring(1, nbytes);
    for (int i = 0; i < digits.length(); i++) {
      if (!isDigit(digits.charAt(i))) {
        throw new Bad();
      }
    }
    int ns = digits.isEmpty() ? 0 : Integer.parseInt(digits);
    for (int i = 0; i < 10 - nbytes; i++) {
      ns *= 10;
    }
    return ns;
  }

  /** Go's parseTimeZone, simplified: the length of a zone abbreviation at the start, or 0. */
  private static int parseTimeZone(String value) {
    if (value.length() < 3) {
      return 0;
    }
    if (value.length() >= 4 && (value.startsWith("ChST") || value.startsWith("MeST"))) {
      return 4;
    }
    if (value.startsWith("GMT")) {
      int n = 3;
      if (n < value.length() && (value.charAt(n) == '+' || value.charAt(n) == '-')) {
        int j = n + 1;
        while (j < value.length() && isDigit(value.charAt(j))) {
          j++;
        }
        if (j > n + 1 && j - n - 1 <= 2) {
          return j;
        }
      }
      return 3;
    }
    if (value.charAt(0) == '+' || value.charAt(0) == '-') {
      int j = 1;
      while (j < value.length() && isDigit(value.charAt(j))) {
        j++;
      }
      int digits = j - 1;
      return digits == 2 || digits == 4 ? j : 0;
    }
    int nUpper = 0;
    while (nUpper < value.length() && nUpper < 6 && Character.isUpperCase(value.charAt(nUpper))) {
      nUpper++;
    }
    return switch (nUpper) {
      case 0, 1, 2, 6 -> 0;
      case 5 -> value.charAt(4) == 'T' ? 5 : 0;
      case 4 -> value.charAt(3) == 'T' || value.startsWith("WITA") ? 4 : 0;
      default -> 3;
    };
  }

  /** Go's skip: matches a literal layout prefix; spaces match runs of spaces. Null when it fails. */
  private static String skip(String value, String prefix) {
    while (!prefix.isEmpty()) {
      if (prefix.charAt(0) == ' ') {
        if (!value.isEmpty() && value.charAt(0) != ' ') {
          return null;
        }
        prefix = cutSpace(prefix);
        value = cutSpace(value);
        continue;
      }
      if (value.isEmpty() || value.charAt(0) != prefix.charAt(0)) {
        return null;
      }
      prefix = prefix.substring(1);
      value = value.substring(1);
    }
    return value;
  }

  private static String cutSpace(String s) {
    int i = 0;
    while (i < s.length() && s.charAt(i) == ' ') {
      i++;
    }
    return s.substring(i);
  }

  /** Go's time.LoadLocation: "" and "UTC" are UTC, "Local" is {@code local}, else the tz database. */
  public static ZoneId loadLocation(String name, ZoneId local) {
    if (name.isEmpty() || name.equals("UTC")) {
      return ZoneOffset.UTC;
    }
    if (name.equals("Local")) {
      return local;
    }
    // Go only knows tz database names; Java's offset spellings ("+01:00", "GMT+1") are not zones there.
    if (name.contains("..") || name.startsWith("/") || name.startsWith("+") || name.startsWith("-")
        || !Character.isLetter(name.charAt(0))) {
      throw new DateTimeException("unknown time zone " + name);
    }
    ZoneId zone = ZoneId.of(name);
    if (zone instanceof ZoneOffset || zone.getId().matches("(GMT|UTC|UT)[+-].*")) {
      throw new DateTimeException("unknown time zone " + name);
    }
    return zone;
  }

  /** The English name of a month (Go's time.Month String()). */
  public static String monthName(int month) {
    return LONG_MONTHS[month - 1];
  }

  /** The English name of a weekday (Go's time.Weekday String()). */
  public static String weekdayName(java.time.DayOfWeek day) {
    return day.getDisplayName(TextStyle.FULL, Locale.US);
  }
}
