package dev.sailplan.core.internal.meta;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The API server's {@code ValidateObjectMeta} for a new object: name or generateName, namespace,
 * labels, annotations and finalizers, each problem with the server's message.
 */
public final class ObjectMetaRules {
  /** The codes, as documented in {@code docs/validation.md}. */
  static final String NAME = "SP0201";

  static final String GENERATE_NAME = "SP0202";
  static final String NAMESPACE = "SP0203";
  static final String LABEL_KEY = "SP0204";
  static final String LABEL_VALUE = "SP0205";
  static final String ANNOTATION_KEY = "SP0206";
  static final String ANNOTATIONS_SIZE = "SP0207";
  static final String CLUSTER_SCOPED_NAMESPACE = "SP0208";
  static final String FINALIZER = "SP0209";

  /** {@code TotalAnnotationSizeLimitB}: what etcd and the server allow for all annotations. */
  static final int ANNOTATIONS_LIMIT = 256 * 1024;

  /** The cluster-scoped kinds of the Kubernetes groups that Sailplan reads without modelling. */
  private static final Set<String> CLUSTER_SCOPED =
      Set.of(
          "Namespace",
          "Node",
          "PersistentVolume",
          "ComponentStatus",
          "rbac.authorization.k8s.io/ClusterRole",
          "rbac.authorization.k8s.io/ClusterRoleBinding",
          "apiextensions.k8s.io/CustomResourceDefinition",
          "apiregistration.k8s.io/APIService",
          "admissionregistration.k8s.io/MutatingWebhookConfiguration",
          "admissionregistration.k8s.io/ValidatingWebhookConfiguration",
          "admissionregistration.k8s.io/ValidatingAdmissionPolicy",
          "admissionregistration.k8s.io/ValidatingAdmissionPolicyBinding",
          "admissionregistration.k8s.io/MutatingAdmissionPolicy",
          "admissionregistration.k8s.io/MutatingAdmissionPolicyBinding",
          "certificates.k8s.io/CertificateSigningRequest",
          "certificates.k8s.io/ClusterTrustBundle",
          "flowcontrol.apiserver.k8s.io/FlowSchema",
          "flowcontrol.apiserver.k8s.io/PriorityLevelConfiguration",
          "networking.k8s.io/IngressClass",
          "networking.k8s.io/IPAddress",
          "networking.k8s.io/ServiceCIDR",
          "node.k8s.io/RuntimeClass",
          "scheduling.k8s.io/PriorityClass",
          "storage.k8s.io/StorageClass",
          "storage.k8s.io/CSIDriver",
          "storage.k8s.io/CSINode",
          "storage.k8s.io/VolumeAttachment",
          "storage.k8s.io/VolumeAttributesClass",
          "resource.k8s.io/DeviceClass",
          "resource.k8s.io/ResourceSlice");

  private ObjectMetaRules() {}

  /** Whether a Kubernetes kind Sailplan does not model is namespaced. */
  public static boolean namespaced(String group, String kind) {
    return !CLUSTER_SCOPED.contains(group.isEmpty() ? kind : group + "/" + kind);
  }

  /**
   * Checks {@code metadata} (an object; anything else is the schema's business) of a new object.
   *
   * @param rule how the kind's names are validated
   * @param namespaced whether the kind is namespaced
   * @param kind the kind, for messages
   */
  public static void check(
      JsonNode metadata, NameRule rule, boolean namespaced, String kind, MetaSink sink) {
    if (metadata == null || !metadata.isObject()) {
      sink.add(NAME, false, "name", null, "Required value: name or generateName is required");
      return;
    }
    String name = text(metadata, "name");
    String generateName = text(metadata, "generateName");
    if (!generateName.isEmpty()) {
      for (String m : rule.check(generateName, true)) {
        sink.add(GENERATE_NAME, false, "generateName", null, invalid(generateName, m));
      }
    }
    if (name.isEmpty() && generateName.isEmpty()) {
      sink.add(NAME, false, "name", null, "Required value: name or generateName is required");
    } else if (!name.isEmpty()) {
      for (String m : rule.check(name, false)) {
        sink.add(NAME, false, "name", null, invalid(name, m));
      }
    }
    String namespace = text(metadata, "namespace");
    if (!namespace.isEmpty()) {
      if (!namespaced) {
        // The server clears the namespace of a cluster-scoped object rather than refusing it.
        sink.add(
            CLUSTER_SCOPED_NAMESPACE,
            true,
            "namespace",
            null,
            kind + " is cluster-scoped: the API server ignores the namespace");
      } else {
        List<String> out = new ArrayList<>(1);
        Dns.label(namespace, out);
        for (String m : out) {
          sink.add(NAMESPACE, false, "namespace", null, invalid(namespace, m));
        }
      }
    }
    labels(metadata.get("labels"), sink);
    annotations(metadata.get("annotations"), sink);
    finalizers(metadata.get("finalizers"), sink);
  }

  private static void labels(JsonNode labels, MetaSink sink) {
    if (labels == null || !labels.isObject()) {
      return;
    }
    List<String> out = new ArrayList<>(1);
    for (Map.Entry<String, JsonNode> e : labels.properties()) {
      out.clear();
      Dns.qualifiedName(e.getKey(), out);
      for (String m : out) {
        sink.add(LABEL_KEY, false, "labels", e.getKey(), invalid(e.getKey(), m));
      }
      if (e.getValue().isTextual()) {
        out.clear();
        Dns.labelValue(e.getValue().asText(), out);
        for (String m : out) {
          sink.add(LABEL_VALUE, false, "labels", e.getKey(), invalid(e.getValue().asText(), m));
        }
      }
    }
  }

  private static void annotations(JsonNode annotations, MetaSink sink) {
    if (annotations == null || !annotations.isObject()) {
      return;
    }
    List<String> out = new ArrayList<>(1);
    long size = 0;
    for (Map.Entry<String, JsonNode> e : annotations.properties()) {
      out.clear();
      // The server lower-cases annotation keys before the check: upper case is allowed.
      Dns.qualifiedName(e.getKey().toLowerCase(java.util.Locale.ROOT), out);
      for (String m : out) {
        sink.add(ANNOTATION_KEY, false, "annotations", e.getKey(), invalid(e.getKey(), m));
      }
      size += Dns.utf8Length(e.getKey()) + Dns.utf8Length(e.getValue().asText(""));
    }
    if (size > ANNOTATIONS_LIMIT) {
      sink.add(
          ANNOTATIONS_SIZE,
          false,
          "annotations",
          null,
          "Too long: may not be more than " + ANNOTATIONS_LIMIT + " bytes");
    }
  }

  private static void finalizers(JsonNode finalizers, MetaSink sink) {
    if (finalizers == null || !finalizers.isArray()) {
      return;
    }
    List<String> out = new ArrayList<>(1);
    for (int i = 0; i < finalizers.size(); i++) {
      JsonNode f = finalizers.get(i);
      if (!f.isTextual()) {
        continue;
      }
      out.clear();
      Dns.qualifiedName(f.asText(), out);
      for (String m : out) {
        sink.add(FINALIZER, false, "finalizers", i, invalid(f.asText(), m));
      }
    }
  }

  /** A string field, empty when absent or not a string (a wrong type is the schema's finding). */
  private static String text(JsonNode metadata, String field) {
    JsonNode v = metadata.get(field);
    return v != null && v.isTextual() ? v.asText() : "";
  }

  /** {@code Invalid value: "x": message}, the value quoted as Go's {@code %q} would. */
  static String invalid(String value, String message) {
    return "Invalid value: " + quote(value) + ": " + message;
  }

  /** A Go-style quoted string: what is invisible or a line break shows as an escape. */
  public static String quote(String s) {
    StringBuilder b = new StringBuilder(s.length() + 2).append('"');
    for (int i = 0; i < s.length(); ) {
      int c = s.codePointAt(i);
      i += Character.charCount(c);
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f || !printable(c)) {
            b.append(c <= 0xffff ? String.format("\\u%04x", c) : String.format("\\U%08x", c));
          } else {
            b.appendCodePoint(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }

  private static boolean printable(int c) {
    int type = Character.getType(c);
    return c == ' '
        || (type != Character.FORMAT
            && type != Character.CONTROL
            && type != Character.UNASSIGNED
            && type != Character.SURROGATE
            && type != Character.PRIVATE_USE
            && type != Character.LINE_SEPARATOR
            && type != Character.PARAGRAPH_SEPARATOR
            && type != Character.SPACE_SEPARATOR);
  }
}
