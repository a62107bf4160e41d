package io.ocihelm.release;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * Helm's storage format for a release revision (its "secrets" storage driver): a Secret {@code
 * sh.helm.release.v1.<release>.v<revision>} of type {@code helm.sh/release.v1} whose data key
 * {@code release} holds base64(gzip(release JSON)) (so base64 twice in the API object), labelled
 * {@code owner=helm}, {@code name}, {@code status}, {@code version} and {@code modifiedAt} (unix
 * seconds) as helm 4.1.4 and 3.17.3 label theirs.
 */
public final class ReleaseRecordCodec {

  /** The Secret type Helm's driver writes and lists. */
  public static final String SECRET_TYPE = "helm.sh/release.v1";
  /** The Secret data key holding the encoded release. */
  public static final String DATA_KEY = "release";
  /** Value of the {@code owner} label; Helm lists by {@code owner=helm}. */
  public static final String OWNER = "helm";

  public static final String LABEL_OWNER = "owner";
  public static final String LABEL_NAME = "name";
  public static final String LABEL_STATUS = "status";
  public static final String LABEL_VERSION = "version";
  public static final String LABEL_MODIFIED_AT = "modifiedAt";
  /** Written by some helm 3 versions on create; never by us, but not a custom label either. */
  public static final String LABEL_CREATED_AT = "createdAt";

  private static final Set<String> SYSTEM_LABELS =
      Set.of(LABEL_OWNER, LABEL_NAME, LABEL_STATUS, LABEL_VERSION, LABEL_MODIFIED_AT, LABEL_CREATED_AT);

  private static final String SECRET_NAME_PREFIX = "sh.helm.release.v1.";
  private static final byte[] GZIP_MAGIC = {0x1f, (byte) 0x8b, 0x08};

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          .registerModule(new SimpleModule("go-json").addSerializer(Double.class, new GoFloatSerializer()));

  private ReleaseRecordCodec() {}

  /** {@code sh.helm.release.v1.<release>.v<revision>}. */
  public static String secretName(String release, int revision) {
    return SECRET_NAME_PREFIX + release + ".v" + revision;
  }

  /** The release JSON, as Helm marshals it (field names and omissions). */
  public static byte[] toJson(ReleaseRecord record) {
    try {
      return JSON.writeValueAsBytes(record);
    } catch (JsonProcessingException e) {
      throw new ReleaseRecordException("cannot serialize release " + record.name() + " v" + record.version(), e);
    }
  }

  /** Parses release JSON written by helm 3, helm 4 or us; unknown fields are kept. */
  public static ReleaseRecord fromJson(byte[] json) {
    try {
      return JSON.readValue(json, ReleaseRecord.class);
    } catch (IOException e) {
      throw new ReleaseRecordException("not a Helm release JSON: " + e.getMessage(), e);
    }
  }

  /** base64(gzip(json)): the string Helm keeps under the {@code release} key. */
  public static String encode(ReleaseRecord record) {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
      gzip.write(toJson(record));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Base64.getEncoder().encodeToString(compressed.toByteArray());
  }

  /** The inverse of {@link #encode}; like Helm, also accepts base64 of plain (not gzipped) JSON. */
  public static ReleaseRecord decode(String encoded) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(encoded.strip());
    } catch (IllegalArgumentException e) {
      throw new ReleaseRecordException("release data is not base64", e);
    }
    if (startsWithGzipMagic(bytes)) {
      try (GZIPInputStream gzip = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
        bytes = gzip.readAllBytes();
      } catch (IOException e) {
        throw new ReleaseRecordException("release data is not valid gzip", e);
      }
    }
    return fromJson(bytes);
  }

  /**
   * The Secret Helm would write for {@code record}: custom labels first, then Helm's own labels
   * (which win, as in Helm).
   */
  public static Secret toSecret(ReleaseRecord record, Instant modifiedAt) {
    Map<String, String> labels = new LinkedHashMap<>(record.labels());
    labels.put(LABEL_NAME, record.name());
    labels.put(LABEL_OWNER, OWNER);
    labels.put(LABEL_STATUS, record.status().wire());
    labels.put(LABEL_VERSION, Integer.toString(record.version()));
    labels.put(LABEL_MODIFIED_AT, Long.toString(modifiedAt.getEpochSecond()));
    String data = Base64.getEncoder().encodeToString(encode(record).getBytes(StandardCharsets.US_ASCII));
    return new SecretBuilder()
        .withNewMetadata()
        .withName(secretName(record.name(), record.version()))
        .withNamespace(record.namespace())
        .withLabels(labels)
        .endMetadata()
        .withType(SECRET_TYPE)
        .withData(Map.of(DATA_KEY, data))
        .build();
  }

  /** Reads the record in a Helm release Secret; its custom labels come back in {@link ReleaseRecord#labels()}. */
  public static ReleaseRecord fromSecret(Secret secret) {
    String name = secret.getMetadata() == null ? "?" : secret.getMetadata().getName();
    if (!SECRET_TYPE.equals(secret.getType())) {
      throw new ReleaseRecordException("Secret " + name + " has type " + secret.getType() + ", not " + SECRET_TYPE);
    }
    String data = secret.getData() == null ? null : secret.getData().get(DATA_KEY);
    if (data == null) {
      throw new ReleaseRecordException("Secret " + name + " has no data key \"" + DATA_KEY + "\"");
    }
    String encoded;
    try {
      encoded = new String(Base64.getDecoder().decode(data), StandardCharsets.US_ASCII);
    } catch (IllegalArgumentException e) {
      throw new ReleaseRecordException("Secret " + name + ": data is not base64", e);
    }
    ReleaseRecord record;
    try {
      record = decode(encoded);
    } catch (ReleaseRecordException e) {
      throw new ReleaseRecordException("Secret " + name + ": " + e.getMessage(), e);
    }
    Map<String, String> custom = new LinkedHashMap<>();
    if (secret.getMetadata().getLabels() != null) {
      secret.getMetadata().getLabels().forEach((key, value) -> {
        if (!SYSTEM_LABELS.contains(key)) {
          custom.put(key, value);
        }
      });
    }
    return record.withLabels(custom);
  }

  private static boolean startsWithGzipMagic(byte[] bytes) {
    if (bytes.length < GZIP_MAGIC.length) {
      return false;
    }
    for (int i = 0; i < GZIP_MAGIC.length; i++) {
      if (bytes[i] != GZIP_MAGIC[i]) {
        return false;
      }
    }
    return true;
  }
}
