package io.ocihelm.oci;

/** An OCI content descriptor: what a manifest says about one blob. */
public record Descriptor(String mediaType, String digest, long size) {}
