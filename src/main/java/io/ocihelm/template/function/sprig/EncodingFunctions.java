package io.ocihelm.template.function.sprig;

import static io.ocihelm.template.function.GoType.STRING;

import io.ocihelm.template.function.FunctionRegistry;
import io.ocihelm.template.function.FunctionSignature;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Base64;

/**
 * Sprig's b64enc/b64dec/b32enc/b32dec with Go's standard (padded) encodings. Invalid input does not
 * fail: Sprig returns Go's error text, e.g. "illegal base64 data at input byte 4", as the value, so
 * the decoders reproduce the byte offsets Go reports.
 */
public final class EncodingFunctions {
  private static final String BASE32_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final String BASE64_ALPHABET =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  private static final int[] BASE32_VALUES = decodeTable(BASE32_ALPHABET);
  private static final int[] BASE64_VALUES = decodeTable(BASE64_ALPHABET);

  private EncodingFunctions() {}

  public static void register(FunctionRegistry registry) {
    FunctionSignature string = FunctionSignature.of(STRING);
    registry
        .register("b64enc", string, (c, a) -> Base64.getEncoder().encodeToString(GoStrings.bytes((String) a[0])))
        .register("b64dec", string, (c, a) -> base64Decode((String) a[0]))
        .register("b32enc", string, (c, a) -> base32Encode(GoStrings.bytes((String) a[0])))
        .register("b32dec", string, (c, a) -> base32Decode((String) a[0]));
  }

  private static int[] decodeTable(String alphabet) {
    int[] table = new int[256];
    Arrays.fill(table, -1);
    for (int i = 0; i < alphabet.length(); i++) table[alphabet.charAt(i)] = i;
    return table;
  }

  /** A Go base64.CorruptInputError, carried as the offset Go reports. */
  private static final class CorruptInput extends Exception {
    final long offset;

    CorruptInput(long offset) {
      super(null, null, false, false);
      this.offset = offset;
    }
  }

  static String base64Decode(String text) {
    try {
      return GoStrings.fromBytes(decodeBase64(GoStrings.bytes(text)));
    } catch (CorruptInput e) {
      return "illegal base64 data at input byte " + e.offset;
    }
  }

  // Go's StdEncoding.DecodeString: quanta of 4, CR/LF skipped, padding checked where it appears.
  private static byte[] decodeBase64(byte[] src) throws CorruptInput {
    ByteArrayOutputStream out = new ByteArrayOutputStream(src.length * 3 / 4);
    int si = 0;
    while (si < src.length) {
      int[] quantum = new int[4];
      int j = 0;
      boolean end = false;
      while (j < 4) {
        if (si == src.length) {
          if (j == 0) return out.toByteArray();
          throw new CorruptInput(si - j);
        }
        int in = src[si++] & 0xff;
        int value = BASE64_VALUES[in];
        if (value >= 0) {
          quantum[j++] = value;
          continue;
        }
        if (in == '\n' || in == '\r') continue;
        if (in != '=') throw new CorruptInput(si - 1);
        // Padding: it may only complete a quantum of 2 ("==") or 3 ("=") characters.
        if (j < 2) throw new CorruptInput(si - 1);
        if (j == 2) {
          while (si < src.length && (src[si] == '\n' || src[si] == '\r')) si++;
          if (si == src.length) throw new CorruptInput(src.length);
          if (src[si] != '=') throw new CorruptInput(si - 1);
          si++;
        }
        while (si < src.length && (src[si] == '\n' || src[si] == '\r')) si++;
        if (si < src.length) throw new CorruptInput(si);
        end = true;
        break;
      }
      int bits = quantum[0] << 18 | quantum[1] << 12 | quantum[2] << 6 | quantum[3];
      int bytes = j - 1;
      for (int k = 0; k < bytes; k++) out.write(bits >> (16 - 8 * k) & 0xff);
      if (end) break;
    }
    return out.toByteArray();
  }

  static String base32Encode(byte[] data) {
    StringBuilder out = new StringBuilder((data.length + 4) / 5 * 8);
    for (int i = 0; i < data.length; i += 5) {
      int n = Math.min(5, data.length - i);
      long block = 0;
      for (int k = 0; k < 5; k++) block = block << 8 | (k < n ? data[i + k] & 0xff : 0);
      int chars = (n * 8 + 4) / 5;
      for (int k = 0; k < 8; k++) {
        out.append(k < chars ? BASE32_ALPHABET.charAt((int) (block >> (35 - 5 * k) & 31)) : '=');
      }
    }
    return out.toString();
  }

  static String base32Decode(String text) {
    try {
      return GoStrings.fromBytes(decodeBase32(GoStrings.bytes(text.replace("\r", "").replace("\n", ""))));
    } catch (CorruptInput e) {
      return "illegal base32 data at input byte " + e.offset;
    }
  }

  // Go's base32 StdEncoding decode: quanta of 8; offsets count in the input without CR/LF.
  private static byte[] decodeBase32(byte[] src) throws CorruptInput {
    ByteArrayOutputStream out = new ByteArrayOutputStream(src.length * 5 / 8);
    int p = 0;
    boolean end = false;
    while (p < src.length && !end) {
      int[] quantum = new int[8];
      int length = 8;
      for (int j = 0; j < 8; ) {
        if (p == src.length) throw new CorruptInput(p - j);
        int in = src[p++] & 0xff;
        int remaining = src.length - p;
        if (in == '=' && j >= 2 && remaining < 8) {
          if (remaining + j < 7) throw new CorruptInput(src.length);
          for (int k = 0; k < 7 - j; k++) {
            if (remaining > k && src[p + k] != '=') throw new CorruptInput(p + k - 1);
          }
          length = j;
          end = true;
          if (length == 1 || length == 3 || length == 6) throw new CorruptInput(p - 1);
          break;
        }
        int value = BASE32_VALUES[in];
        if (value < 0) throw new CorruptInput(p - 1);
        quantum[j++] = value;
      }
      long block = 0;
      for (int k = 0; k < 8; k++) block = block << 5 | quantum[k];
      int bytes = switch (length) {
        case 8 -> 5;
        case 7 -> 4;
        case 5 -> 3;
        case 4 -> 2;
        default -> 1;
      };
      for (int k = 0; k < bytes; k++) out.write((int) (block >> (32 - 8 * k) & 0xff));
    }
    return out.toByteArray();
  }
}
