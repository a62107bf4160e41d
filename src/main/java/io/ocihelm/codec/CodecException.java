package io.ocihelm.codec;

/** A Go codec error; the message is the Go error text ("json: unsupported value: NaN", ...). */
public class CodecException extends RuntimeException {
  public CodecException(String goErrorText) {
    super(goErrorText, null, false, false);
  }
}
