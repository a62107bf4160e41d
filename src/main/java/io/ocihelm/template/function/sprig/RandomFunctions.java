package io.ocihelm.template.function.sprig;

import static io.ocihelm.template.function.GoType.INT;
import static io.ocihelm.template.function.GoType.STRING;

import io.ocihelm.template.function.FunctionException;
import io.ocihelm.template.function.FunctionRegistry;
import io.ocihelm.template.function.FunctionSignature;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Sprig's non-hermetic functions that draw randomness: randAlphaNum/randAlpha/randNumeric/randAscii,
 * randBytes, randInt, uuidv4 and shuffle. The random source is injected so a test (or a caller that
 * needs reproducible renders) can fix it; by default it is a {@link SecureRandom}, like Sprig's
 * crypto/rand.
 */
public final class RandomFunctions {
  private static final String ALPHA = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final String DIGITS = "0123456789";

  private final RandomGenerator random;

  private RandomFunctions(RandomGenerator random) {
    this.random = random;
  }

  public static void register(FunctionRegistry registry) {
    register(registry, new SecureRandom());
  }

  public static void register(FunctionRegistry registry, RandomGenerator random) {
    RandomFunctions f = new RandomFunctions(random);
    FunctionSignature count = FunctionSignature.of(INT);
    registry
        .register("randAlphaNum", count, (c, a) -> f.randomString((Long) a[0], ALPHA + DIGITS))
        .register("randAlpha", count, (c, a) -> f.randomString((Long) a[0], ALPHA))
        .register("randNumeric", count, (c, a) -> f.randomString((Long) a[0], DIGITS))
        .register("randAscii", count, (c, a) -> f.randomString((Long) a[0], printableAscii()))
        .register("randBytes", count, (c, a) -> f.randBytes((Long) a[0]))
        .register("randInt", FunctionSignature.of(INT, INT), (c, a) -> f.randInt((Long) a[0], (Long) a[1]))
        .register("uuidv4", FunctionSignature.of(), (c, a) -> f.uuidv4())
        .register("shuffle", FunctionSignature.of(STRING), (c, a) -> f.shuffle((String) a[0]));
  }

  private static String printableAscii() {
    StringBuilder out = new StringBuilder();
    for (char c = ' '; c <= '~'; c++) out.append(c);
    return out.toString();
  }

  // Sprig drops goutils' error for a negative count and returns "".
  private String randomString(long count, String alphabet) {
    if (count <= 0) return "";
    checkLength(count);
    StringBuilder out = new StringBuilder((int) count);
    for (long i = 0; i < count; i++) out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    return out.toString();
  }

  private static void checkLength(long count) {
    ResultSize.check("random", count);
  }

  private String randBytes(long count) {
    if (count < 0) throw new FunctionException("runtime error: makeslice: len out of range");
    checkLength(count);
    byte[] bytes = new byte[(int) count];
    random.nextBytes(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }

  private long randInt(long min, long max) {
    if (max - min <= 0) throw new FunctionException("invalid argument to Intn");
    return random.nextLong(max - min) + min;
  }

  private String uuidv4() {
    byte[] b = new byte[16];
    random.nextBytes(b);
    b[6] = (byte) (b[6] & 0x0f | 0x40);
    b[8] = (byte) (b[8] & 0x3f | 0x80);
    StringBuilder hex = new StringBuilder(36);
    for (int i = 0; i < 16; i++) {
      if (i == 4 || i == 6 || i == 8 || i == 10) hex.append('-');
      hex.append(Character.forDigit(b[i] >> 4 & 15, 16)).append(Character.forDigit(b[i] & 15, 16));
    }
    return hex.toString();
  }

  private String shuffle(String s) {
    List<Integer> runes = new ArrayList<>();
    s.codePoints().forEach(runes::add);
    Collections.shuffle(runes, java.util.Random.from(random));
    StringBuilder out = new StringBuilder(s.length());
    runes.forEach(out::appendCodePoint);
    return out.toString();
  }
}
