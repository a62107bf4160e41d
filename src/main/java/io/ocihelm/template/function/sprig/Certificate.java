package io.ocihelm.template.function.sprig;

import io.ocihelm.template.value.GoObject;
import java.util.LinkedHashMap;
import java.util.Map;

/** Sprig's {@code certificate} struct: PEM {@code Cert} and {@code Key}, as genCA and friends return it. */
public record Certificate(String cert, String key) implements GoObject {
  @Override
  public String goTypeName() {
    return "sprig.certificate";
  }

  @Override
  public Member member(String name) {
    return switch (name) {
      case "Cert" -> new Field(cert);
      case "Key" -> new Field(key);
      default -> null;
    };
  }

  @Override
  public String goString() {
    return "{" + cert + " " + key + "}";
  }

  @Override
  public Object jsonValue() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Cert", cert);
    m.put("Key", key);
    return m;
  }
}
