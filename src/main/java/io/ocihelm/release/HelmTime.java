package io.ocihelm.release;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Helm's release timestamps: Go's RFC 3339 with nanoseconds, trailing zeros of the fraction
 * dropped, UTC written as {@code Z}.
 */
final class HelmTime {

  // Helm compat: helm 3 writes an unset time as "" (its own time type); Go's zero time is
  // "0001-01-01T00:00:00Z". Both mean "not set".
  private static final Instant GO_ZERO = Instant.parse("0001-01-01T00:00:00Z");

  private HelmTime() {}

  /** Formats like Go's {@code time.RFC3339Nano}. */
  static String format(Instant instant) {
    String text = DateTimeFormatter.ISO_INSTANT.format(instant.atOffset(ZoneOffset.UTC));
    // ISO_INSTANT already drops a zero fraction and prints 3, 6 or 9 digits; Go drops every trailing zero.
    int dot = text.indexOf('.');
    if (dot < 0) {
      return text;
    }
    int end = text.length() - 1; // the 'Z'
    int last = end - 1;
    while (last > dot && text.charAt(last) == '0') {
      last--;
    }
    return last == dot ? text.substring(0, dot) + "Z" : text.substring(0, last + 1) + "Z";
  }

  /** Parses RFC 3339 with any offset; "" and Go's zero time give {@code null}. */
  static Instant parse(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    try {
      Instant instant = OffsetDateTime.parse(text).toInstant();
      return instant.equals(GO_ZERO) ? null : instant;
    } catch (DateTimeParseException e) {
      throw new ReleaseRecordException("not an RFC 3339 time: \"" + text + "\"", e);
    }
  }

  static final class Serializer extends JsonSerializer<Instant> {
    @Override
    public void serialize(Instant value, JsonGenerator generator, SerializerProvider provider) throws IOException {
      generator.writeString(format(value));
    }
  }

  static final class Deserializer extends JsonDeserializer<Instant> {
    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      return parse(parser.getValueAsString());
    }

    @Override
    public Instant getNullValue(DeserializationContext context) {
      return null;
    }
  }
}
