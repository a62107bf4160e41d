package io.ocihelm.template.function.sprig;

import static io.ocihelm.template.function.GoType.ANY;
import static io.ocihelm.template.function.GoType.FLOAT64;
import static io.ocihelm.template.function.GoType.INT;

import io.ocihelm.template.function.FunctionException;
import io.ocihelm.template.function.FunctionRegistry;
import io.ocihelm.template.function.FunctionSignature;
import io.ocihelm.template.value.GoSlice;
import io.ocihelm.template.value.Int64;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.function.LongBinaryOperator;
import java.util.stream.Collectors;

/**
 * Sprig's math: integer functions cast every operand to int64 first (so {@code add 0.1 0.2} is 0),
 * the {@code *f} functions work in float64 through exact decimals (so {@code subf 0.3 0.1} is 0.2),
 * plus round/floor/ceil and the integer sequences seq/until/untilStep.
 */
public final class MathFunctions {
  // shopspring/decimal's default division precision (digits after the point).
  private static final int DECIMAL_DIVISION_SCALE = 16;

  private MathFunctions() {}

  public static void register(FunctionRegistry registry) {
    FunctionSignature anyVariadic = FunctionSignature.variadic(ANY);
    FunctionSignature oneThenVariadic = FunctionSignature.variadic(ANY, ANY);
    FunctionSignature one = FunctionSignature.of(ANY);
    FunctionSignature two = FunctionSignature.of(ANY, ANY);
    registry
        .register("add", anyVariadic, (c, a) -> fold(0, a, 0, Long::sum))
        .register("add1", one, (c, a) -> Int64.of(GoCasts.toInt64(a[0]) + 1))
        .register("sub", two, (c, a) -> Int64.of(GoCasts.toInt64(a[0]) - GoCasts.toInt64(a[1])))
        .register("mul", oneThenVariadic, (c, a) -> fold(GoCasts.toInt64(a[0]), a, 1, (x, y) -> x * y))
        .register("div", two, (c, a) -> Int64.of(divide(GoCasts.toInt64(a[0]), GoCasts.toInt64(a[1]))))
        .register("mod", two, (c, a) -> Int64.of(remainder(GoCasts.toInt64(a[0]), GoCasts.toInt64(a[1]))))
        .register("max", oneThenVariadic, (c, a) -> fold(GoCasts.toInt64(a[0]), a, 1, Math::max))
        .register("biggest", oneThenVariadic, (c, a) -> fold(GoCasts.toInt64(a[0]), a, 1, Math::max))
        .register("min", oneThenVariadic, (c, a) -> fold(GoCasts.toInt64(a[0]), a, 1, Math::min))
        .register("addf", anyVariadic, (c, a) -> decimalFold(0.0, a, 0, BigDecimal::add))
        .register("add1f", one, (c, a) -> decimalFold(GoCasts.toFloat64(a[0]), new Object[] {1L}, 0, BigDecimal::add))
        .register("subf", oneThenVariadic, (c, a) -> decimalFold(GoCasts.toFloat64(a[0]), a, 1, BigDecimal::subtract))
        .register("mulf", oneThenVariadic, (c, a) -> decimalFold(GoCasts.toFloat64(a[0]), a, 1, BigDecimal::multiply))
        .register("divf", oneThenVariadic, (c, a) -> decimalFold(GoCasts.toFloat64(a[0]), a, 1, MathFunctions::decimalDivide))
        .register("maxf", oneThenVariadic, (c, a) -> floatFold(a, Math::max))
        .register("minf", oneThenVariadic, (c, a) -> floatFold(a, Math::min))
        .register("floor", one, (c, a) -> Math.floor(GoCasts.toFloat64(a[0])))
        .register("ceil", one, (c, a) -> Math.ceil(GoCasts.toFloat64(a[0])))
        .register(
            "round",
            FunctionSignature.variadic(FLOAT64, ANY, INT),
            (c, a) -> round(GoCasts.toFloat64(a[0]), (Long) a[1], a.length > 2 ? (Double) a[2] : 0.5))
        .register("seq", FunctionSignature.variadic(INT), (c, a) -> seq(a))
        .register("until", FunctionSignature.of(INT), (c, a) -> until((Long) a[0]))
        .register(
            "untilStep",
            FunctionSignature.of(INT, INT, INT),
            (c, a) -> untilStep((Long) a[0], (Long) a[1], (Long) a[2]));
  }

  // Go's int64 arithmetic wraps, as Java's long does.
  private static Int64 fold(long start, Object[] args, int from, LongBinaryOperator op) {
    long acc = start;
    for (int i = from; i < args.length; i++) acc = op.applyAsLong(acc, GoCasts.toInt64(args[i]));
    return Int64.of(acc);
  }

  static long divide(long a, long b) {
    if (b == 0) throw new FunctionException("runtime error: integer divide by zero");
    return a / b;
  }

  static long remainder(long a, long b) {
    if (b == 0) throw new FunctionException("runtime error: integer divide by zero");
    return a % b;
  }

  private static double floatFold(Object[] args, java.util.function.DoubleBinaryOperator op) {
    double acc = GoCasts.toFloat64(args[0]);
    for (int i = 1; i < args.length; i++) acc = op.applyAsDouble(acc, GoCasts.toFloat64(args[i]));
    return acc;
  }

  // Sprig's execDecimalOp: every operand becomes a shopspring decimal of its shortest float text.
  private static double decimalFold(double start, Object[] args, int from, BinaryOperator<BigDecimal> op) {
    BigDecimal acc = decimal(start);
    for (int i = from; i < args.length; i++) acc = op.apply(acc, decimal(GoCasts.toFloat64(args[i])));
    return acc.doubleValue();
  }

  private static BigDecimal decimal(double d) {
    if (Double.isNaN(d) || Double.isInfinite(d)) {
      throw new FunctionException("Cannot create a Decimal from " + GoValueText.formatFloat(d));
    }
    return new BigDecimal(Double.toString(d));
  }

  private static BigDecimal decimalDivide(BigDecimal a, BigDecimal b) {
    if (b.signum() == 0) throw new FunctionException("decimal division by 0");
    return a.divide(b, DECIMAL_DIVISION_SCALE, RoundingMode.HALF_UP);
  }

  // Sprig's round: scale, then ceil when the fraction reaches roundOn, else floor.
  static double round(double value, long places, double roundOn) {
    double pow = Math.pow(10, places);
    double digit = pow * value;
    double fraction = digit - (digit < 0 ? Math.ceil(digit) : Math.floor(digit));
    double rounded = fraction >= roundOn ? Math.ceil(digit) : Math.floor(digit);
    return rounded / pow;
  }

  static String seq(Object[] args) {
    long[] p = new long[args.length];
    for (int i = 0; i < args.length; i++) p[i] = (Long) args[i];
    List<Long> values;
    switch (p.length) {
      case 1 -> {
        long step = p[0] < 1 ? -1 : 1;
        values = steps(1, p[0] + step, step);
      }
      case 2 -> {
        long step = p[1] < p[0] ? -1 : 1;
        values = steps(p[0], p[1] + step, step);
      }
      case 3 -> {
        long end = p[2];
        long direction = 1;
        if (end < p[0]) {
          direction = -1;
          if (p[1] > 0) return "";
        }
        values = steps(p[0], end + direction, p[1]);
      }
      default -> {
        return "";
      }
    }
    return values.stream().map(String::valueOf).collect(Collectors.joining(" "));
  }

  static GoSlice until(long count) {
    return GoSlice.ofInts(steps(0, count, count < 0 ? -1 : 1));
  }

  static GoSlice untilStep(long start, long stop, long step) {
    return GoSlice.ofInts(steps(start, stop, step));
  }

  // Sprig's untilStep: from start towards stop (exclusive); a step pointing away gives nothing.
  private static List<Long> steps(long start, long stop, long step) {
    List<Long> out = new ArrayList<>();
    if (stop < start ? step >= 0 : step <= 0) return out;
    double count = Math.ceil(((double) stop - (double) start) / (double) step);
    ResultSize.check("untilStep", count);
    for (long i = start; stop < start ? i > stop : i < stop; i += step) {
      out.add(i);
      if ((step > 0 && i > Long.MAX_VALUE - step) || (step < 0 && i < Long.MIN_VALUE - step)) break;
    }
    return out;
  }
}
