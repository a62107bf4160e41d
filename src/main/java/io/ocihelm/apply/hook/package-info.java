/**
 * Helm's chart hooks, run the way {@code helm install|upgrade|uninstall} runs them: the hooks of
 * one event ordered by weight ({@link io.ocihelm.apply.hook.HookPlan}), each applied and waited
 * for ({@link io.ocihelm.apply.hook.HookRunner}: Jobs to complete, Pods to succeed, anything else
 * done once applied), delete policies honoured, every run recorded ({@link
 * io.ocihelm.apply.hook.HookRun}) for the release record.
 */
package io.ocihelm.apply.hook;
