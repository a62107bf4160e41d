/**
 * Applying a rendered release to the cluster: server-side apply in Helm's install order with
 * Helm's ownership marks ({@link io.ocihelm.apply.ServerSideApplier}), the inventory of what was
 * applied ({@link io.ocihelm.apply.Inventory}) and pruning what a revision no longer renders
 * ({@link io.ocihelm.apply.Pruner}). Knows fabric8's client, nothing of the operator SDK.
 */
package io.ocihelm.apply;
