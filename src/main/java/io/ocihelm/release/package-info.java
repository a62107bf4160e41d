/**
 * Helm-format release records: every revision ocihelm applies is stored as Helm's secrets driver
 * stores it ({@link io.ocihelm.release.ReleaseRecordCodec}), so {@code helm list}, {@code helm
 * history} and {@code helm get values|manifest} show our releases, and a release installed by the
 * helm CLI continues its history under ocihelm ({@link io.ocihelm.release.ReleaseStore}).
 * Knows fabric8's client, nothing of the operator SDK.
 */
package io.ocihelm.release;
