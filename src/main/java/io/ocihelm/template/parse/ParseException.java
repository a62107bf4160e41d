package io.ocihelm.template.parse;

/** A parse failure with Go's exact text: {@code template: NAME:LINE: message}. */
public final class ParseException extends RuntimeException {
  public ParseException(String goMessage) {
    super(goMessage, null, false, false);
  }
}
