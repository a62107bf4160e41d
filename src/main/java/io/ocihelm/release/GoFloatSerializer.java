package io.ocihelm.release;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Writes a double as Go's encoding/json writes a float64. Chart values are read the
 * sigs.k8s.io/yaml way, so every number in them is a float64, and helm writes {@code 80}, not
 * {@code 80.0}; {@code 1e-07} becomes {@code 1e-7}, from 1e21 on the exponent form is used.
 */
final class GoFloatSerializer extends JsonSerializer<Double> {

  @Override
  public void serialize(Double value, JsonGenerator generator, SerializerProvider provider) throws IOException {
    generator.writeNumber(format(value));
  }

  static String format(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      throw new ReleaseRecordException("Go's JSON cannot encode " + value);
    }
    if (value == 0) {
      return (1 / value < 0) ? "-0" : "0";
    }
    // Double.toString is the shortest representation that reads back the same (JDK 19+), like Go's -1 precision.
    BigDecimal decimal = new BigDecimal(Double.toString(value)).stripTrailingZeros();
    double abs = Math.abs(value);
    if (abs >= 1e-6 && abs < 1e21) {
      return decimal.toPlainString();
    }
    String digits = decimal.unscaledValue().abs().toString();
    int exponent = digits.length() - 1 - decimal.scale();
    String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
    // Helm compat: Go pads the exponent to two digits, then encoding/json strips "e-0X" to "e-X".
    String exponentText =
        exponent < 0 ? "-" + (-exponent) : "+" + (exponent < 10 ? "0" + exponent : Integer.toString(exponent));
    return (value < 0 ? "-" : "") + mantissa + "e" + exponentText;
  }
}
