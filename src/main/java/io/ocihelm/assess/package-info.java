/**
 * Assess (DESIGN.md §1): after apply, how do the released objects stand? Health (are they ready,
 * kstatus-style) and drift (do they still match the recorded manifest). Reads live objects through
 * {@link io.ocihelm.assess.LiveObjects}; knows nothing of the operator SDK.
 */
package io.ocihelm.assess;
