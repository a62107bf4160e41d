package io.ocihelm.render;

import io.ocihelm.codec.CodecException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Helm's {@code releaseutil.SortManifests}: rendered files (sorted by path, partials and blank
 * files skipped) are split into documents, each document's head is read as YAML, documents with a
 * {@code helm.sh/hook} annotation become hooks, and both lists are stably sorted by kind in
 * Helm's install order (unknown kinds last, alphabetically).
 */
public final class ManifestSorter {
  public static final String HOOK_ANNOTATION = "helm.sh/hook";
  public static final String HOOK_WEIGHT_ANNOTATION = "helm.sh/hook-weight";
  public static final String HOOK_DELETE_POLICY_ANNOTATION = "helm.sh/hook-delete-policy";

  /** Kinds in the order Helm installs them. */
  public static final List<String> INSTALL_ORDER =
      List.of(
          "PriorityClass",
          "Namespace",
          "NetworkPolicy",
          "ResourceQuota",
          "LimitRange",
          "PodSecurityPolicy",
          "PodDisruptionBudget",
          "ServiceAccount",
          "Secret",
          "SecretList",
          "ConfigMap",
          "StorageClass",
          "PersistentVolume",
          "PersistentVolumeClaim",
          "CustomResourceDefinition",
          "ClusterRole",
          "ClusterRoleList",
          "ClusterRoleBinding",
          "ClusterRoleBindingList",
          "Role",
          "RoleList",
          "RoleBinding",
          "RoleBindingList",
          "Service",
          "DaemonSet",
          "Pod",
          "ReplicationController",
          "ReplicaSet",
          "Deployment",
          "HorizontalPodAutoscaler",
          "StatefulSet",
          "Job",
          "CronJob",
          "IngressClass",
          "Ingress",
          "APIService",
          "MutatingWebhookConfiguration",
          "ValidatingWebhookConfiguration");

  private static final Map<String, Integer> RANK = new HashMap<>();

  static {
    for (int i = 0; i < INSTALL_ORDER.size(); i++) {
      RANK.put(INSTALL_ORDER.get(i), i);
    }
  }

  private static final List<String> HOOK_EVENTS =
      List.of(
          "pre-install", "post-install", "pre-delete", "post-delete", "pre-upgrade", "post-upgrade",
          "pre-rollback", "post-rollback", "test");

  /** Manifests and hooks, each sorted by kind. */
  public record Sorted(List<Manifest> manifests, List<Manifest> hooks) {}

  private ManifestSorter() {}

  /** @param files rendered template output by template path (NOTES.txt already removed) */
  public static Sorted sort(Map<String, String> files) {
    List<Manifest> manifests = new ArrayList<>();
    List<Manifest> hooks = new ArrayList<>();
    List<String> paths = new ArrayList<>(files.keySet());
    paths.sort(Comparator.naturalOrder());
    for (String path : paths) {
      String content = files.get(path);
      if (baseName(path).startsWith("_") || content.isBlank()) {
        continue;
      }
      for (String doc : split(content)) {
        classify(path, doc, manifests, hooks);
      }
    }
    return new Sorted(byKind(manifests), byKind(hooks));
  }

  /**
   * {@code releaseutil.SplitManifests}: the trimmed, non-empty documents of one file, in order.
   * Helm splits on the RE2 pattern {@code (?:^|\s*\n)---\s*}; the same leftmost-first matches are
   * found here by hand, in linear time (a backtracking regex is quadratic on indentation).
   */
  public static List<String> split(String content) {
    String s = goTrimSpace(content);
    List<String> docs = new ArrayList<>();
    int last = 0;
    int from = 0;
    if (s.startsWith("---")) {
      last = skipSeparatorSpace(s, 3);
      from = last;
    }
    int k;
    while ((k = s.indexOf("\n---", from)) >= 0) {
      int start = k;
      while (start > from && isSeparatorSpace(s.charAt(start - 1))) {
        start--;
      }
      addDocument(docs, s.substring(last, start));
      last = skipSeparatorSpace(s, k + 4);
      from = last;
    }
    addDocument(docs, s.substring(last));
    return docs;
  }

  private static void addDocument(List<String> docs, String d) {
    if (!d.isEmpty()) {
      docs.add(goTrimSpace(d));
    }
  }

  private static int skipSeparatorSpace(String s, int i) {
    while (i < s.length() && isSeparatorSpace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** RE2's {@code \s}: {@code [\t\n\f\r ]}. */
  private static boolean isSeparatorSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\f' || c == '\r';
  }

  private static void classify(String path, String doc, List<Manifest> manifests, List<Manifest> hooks) {
    ManifestHead head;
    try {
      head = ManifestHead.read(doc);
    } catch (CodecException e) {
      throw new RenderException("YAML parse error on " + path + ": " + e.getMessage(), true);
    }
    if (head.hook() == null) {
      manifests.add(new Manifest(path, doc, head.kind(), head.name(), List.of()));
      return;
    }
    List<String> events = new ArrayList<>();
    for (String event : head.hook().split(",", -1)) {
      String e = goTrimSpace(event).toLowerCase(Locale.ROOT);
      if (e.equals("test-success")) {
        e = "test";
      }
      if (!HOOK_EVENTS.contains(e)) {
        // Helm compat: a document with an unknown hook event is dropped entirely (logged as info).
        return;
      }
      events.add(e);
    }
    hooks.add(new Manifest(path, doc, head.kind(), head.name(), events, hookWeight(head.hookWeight()),
        deletePolicies(head.hookDeletePolicy())));
  }

  /** Helm compat: the weight is {@code strconv.Atoi} of the annotation; anything it refuses is 0. */
  static int hookWeight(String text) {
    // Atoi takes an optional sign and ASCII digits only (no spaces, no "0x").
    if (text == null || !text.matches("[+-]?[0-9]+")) {
      return 0;
    }
    try {
      return Integer.parseInt(text);
    } catch (NumberFormatException outOfRange) {
      return 0;
    }
  }

  /**
   * Helm compat: the annotation is split at commas, each value trimmed and lower-cased and kept as
   * written (an unknown policy is kept, and matches nothing later).
   */
  static List<String> deletePolicies(String value) {
    if (value == null) {
      return List.of();
    }
    List<String> policies = new ArrayList<>();
    for (String policy : value.split(",", -1)) {
      policies.add(goTrimSpace(policy).toLowerCase(Locale.ROOT));
    }
    return policies;
  }

  private static List<Manifest> byKind(List<Manifest> list) {
    List<Manifest> sorted = new ArrayList<>(list);
    sorted.sort(ManifestSorter::compareKinds);
    return sorted;
  }

  private static int compareKinds(Manifest a, Manifest b) {
    Integer ra = RANK.get(a.kind());
    Integer rb = RANK.get(b.kind());
    if (ra == null && rb == null) {
      return a.kind().compareTo(b.kind());
    }
    if (ra == null) {
      return 1;
    }
    if (rb == null) {
      return -1;
    }
    return Integer.compare(ra, rb);
  }

  private static String baseName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /** Go's strings.TrimSpace: ASCII and Unicode white space, both ends. */
  static String goTrimSpace(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isGoSpace(s.charAt(start))) {
      start++;
    }
    while (end > start && isGoSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  static boolean isGoSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0x0B || c == '\f' || c == 0x85
        || c == 0xA0 || Character.isSpaceChar(c);
  }
}
