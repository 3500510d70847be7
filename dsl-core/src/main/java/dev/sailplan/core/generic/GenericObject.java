package dev.sailplan.core.generic;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import dev.sailplan.core.meta.ObjectMeta;
import dev.sailplan.core.meta.Resource;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A Kubernetes object of a kind Sailplan does not model as a type (a Deployment, a StatefulSet, a
 * ConfigMap, a Secret, a Role, …): its identity and {@link ObjectMeta} typed (and so checked as
 * strictly as any kind's), every other field kept as written, as ordered maps, lists and scalars.
 * It renders back in canonical key order: {@code apiVersion}, {@code kind}, {@code metadata},
 * {@code spec}, {@code status}, then the other fields, map keys sorted.
 *
 * <p>Only kinds of the Kubernetes API groups are read generically (see {@code
 * Manifests.parseMixed}); an unknown kind of the Istio or Gateway API groups stays an error.
 *
 * <pre>{@code
 * GenericObject reviews = (GenericObject) Manifests.parseMixed(yaml, "mesh.yaml").get(0);
 * reviews.podLabels();          // {app=reviews, version=v2}
 * reviews.field("spec", "replicas"); // Optional[3]
 * }</pre>
 */
@JsonSerialize(using = GenericObject.Writer.class)
public final class GenericObject implements Resource {
  /** The kinds whose pods {@code kubectl rollout status} follows. */
  private static final Set<String> ROLLED_OUT = Set.of("Deployment", "StatefulSet", "DaemonSet");

  /** The kinds with a pod template at {@code spec.template}. */
  private static final Set<String> TEMPLATED =
      Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job");

  private final String apiVersion;
  private final String kind;
  private final ObjectMeta metadata;
  private final SortedMap<String, Object> fields;

  private GenericObject(
      String apiVersion, String kind, ObjectMeta metadata, Map<String, ?> fields) {
    this.apiVersion = Objects.requireNonNull(apiVersion, "apiVersion");
    this.kind = Objects.requireNonNull(kind, "kind");
    this.metadata = Objects.requireNonNull(metadata, "metadata");
    TreeMap<String, Object> copy = new TreeMap<>();
    fields.forEach(
        (k, v) -> {
          if (k.equals("apiVersion") || k.equals("kind") || k.equals("metadata")) {
            throw new IllegalArgumentException(k + " is not one of the other fields");
          }
          copy.put(k, copyValue(v));
        });
    this.fields = Collections.unmodifiableSortedMap(copy);
  }

  /**
   * An object of these parts.
   *
   * @param fields every top-level field but apiVersion, kind and metadata; values are maps with
   *     string keys, lists, strings, numbers, booleans or null (copied, maps sorted by key)
   * @throws IllegalArgumentException when a value is of another type, or {@code fields} names
   *     apiVersion, kind or metadata
   */
  public static GenericObject of(
      String apiVersion, String kind, ObjectMeta metadata, Map<String, ?> fields) {
    return new GenericObject(apiVersion, kind, metadata, fields);
  }

  /**
   * The object a JSON tree holds, its metadata already bound; the parser calls it.
   *
   * @param tree a mapping with apiVersion and kind
   */
  public static GenericObject of(JsonNode tree, ObjectMeta metadata) {
    Map<String, Object> fields = new TreeMap<>();
    tree.properties()
        .forEach(
            e -> {
              String k = e.getKey();
              if (!k.equals("apiVersion") && !k.equals("kind") && !k.equals("metadata")) {
                fields.put(k, fromTree(e.getValue()));
              }
            });
    return new GenericObject(
        tree.path("apiVersion").asText(), tree.path("kind").asText(), metadata, fields);
  }

  @Override
  public String apiVersion() {
    return apiVersion;
  }

  @Override
  public String kind() {
    return kind;
  }

  @Override
  public ObjectMeta metadata() {
    return metadata;
  }

  /** Every top-level field but apiVersion, kind and metadata, sorted by name. */
  public SortedMap<String, Object> fields() {
    return fields;
  }

  /**
   * The value at {@code path} (map keys), if every step exists: {@code field("spec", "replicas")}.
   */
  public Optional<Object> field(String... path) {
    Object at = fields;
    for (String step : path) {
      if (!(at instanceof Map<?, ?> map) || !map.containsKey(step)) {
        return Optional.empty();
      }
      at = map.get(step);
    }
    return Optional.ofNullable(at);
  }

  /**
   * Whether it runs pods: a Deployment, StatefulSet, DaemonSet, ReplicaSet, Job or CronJob of the
   * Kubernetes groups, or a Pod.
   */
  public boolean isWorkload() {
    return template().isPresent();
  }

  /**
   * Whether {@code kubectl rollout status} can follow it: a Deployment, StatefulSet or DaemonSet
   * (group {@code apps}).
   */
  public boolean isRolledOut() {
    return group().equals("apps") && ROLLED_OUT.contains(kind);
  }

  /**
   * The labels of its pods: a workload's pod template labels (a CronJob's job template's), a Pod's
   * own labels; empty for anything else.
   */
  public SortedMap<String, String> podLabels() {
    if (kind.equals("Pod") && group().isEmpty()) {
      return new TreeMap<>(metadata.labels());
    }
    return template().map(t -> strings(t, "metadata", "labels")).orElseGet(TreeMap::new);
  }

  /** The pod template, for the kinds that have one ({@code this}'s fields for a Pod). */
  private Optional<Map<?, ?>> template() {
    if (kind.equals("Pod") && group().isEmpty()) {
      return Optional.of(fields);
    }
    Optional<Object> t =
        kind.equals("CronJob") && group().equals("batch")
            ? field("spec", "jobTemplate", "spec", "template")
            : isTemplated() ? field("spec", "template") : Optional.empty();
    return t.filter(Map.class::isInstance).map(Map.class::cast);
  }

  private boolean isTemplated() {
    return TEMPLATED.contains(kind)
        && (group().equals("apps") || (group().equals("batch") && kind.equals("Job")));
  }

  private static SortedMap<String, String> strings(Map<?, ?> from, String... path) {
    Object at = from;
    for (String step : path) {
      at = at instanceof Map<?, ?> m ? m.get(step) : null;
    }
    SortedMap<String, String> out = new TreeMap<>();
    if (at instanceof Map<?, ?> m) {
      m.forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
    }
    return out;
  }

  private static Object fromTree(JsonNode n) {
    if (n.isObject()) {
      Map<String, Object> m = new TreeMap<>();
      n.properties().forEach(e -> m.put(e.getKey(), fromTree(e.getValue())));
      return m;
    } else if (n.isArray()) {
      List<Object> l = new ArrayList<>();
      n.forEach(x -> l.add(fromTree(x)));
      return l;
    } else if (n.isTextual()) {
      return n.textValue();
    } else if (n.isBoolean()) {
      return n.booleanValue();
    } else if (n.isIntegralNumber()) {
      return n.canConvertToLong() ? (Object) n.longValue() : n.bigIntegerValue();
    } else if (n.isNumber()) {
      return n.isBigDecimal() ? n.decimalValue() : n.doubleValue();
    }
    return null;
  }

  /** A deep, unmodifiable copy with maps sorted by key; checks every value's type. */
  private static Object copyValue(Object v) {
    if (v instanceof Map<?, ?> m) {
      TreeMap<String, Object> out = new TreeMap<>();
      m.forEach(
          (k, x) -> {
            if (!(k instanceof String s)) {
              throw new IllegalArgumentException("a map key must be a string, not " + k);
            }
            out.put(s, copyValue(x));
          });
      return Collections.unmodifiableSortedMap(out);
    } else if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      l.forEach(x -> out.add(copyValue(x)));
      return Collections.unmodifiableList(out);
    } else if (v instanceof Integer i) {
      return i.longValue(); // one type per integer, so that equal objects are equal
    } else if (v == null
        || v instanceof String
        || v instanceof Boolean
        || v instanceof Long
        || v instanceof BigInteger
        || v instanceof Double
        || v instanceof BigDecimal) {
      return v;
    }
    throw new IllegalArgumentException("not a YAML value: " + v.getClass().getName());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GenericObject g
        && g.apiVersion.equals(apiVersion)
        && g.kind.equals(kind)
        && g.metadata.equals(metadata)
        && g.fields.equals(fields);
  }

  @Override
  public int hashCode() {
    return Objects.hash(apiVersion, kind, metadata, fields);
  }

  /** {@code Kind namespace/name}. */
  @Override
  public String toString() {
    return kind + " " + qualifiedName();
  }

  /**
   * Writes the object in canonical key order: apiVersion, kind, metadata (as every kind writes it),
   * spec, status, then the other fields, map keys sorted.
   */
  static final class Writer extends StdSerializer<GenericObject> {
    private static final long serialVersionUID = 1L;

    /** Called by Jackson. */
    Writer() {
      super(GenericObject.class);
    }

    @Override
    public void serialize(GenericObject o, JsonGenerator gen, SerializerProvider provider)
        throws IOException {
      gen.writeStartObject();
      gen.writeStringField("apiVersion", o.apiVersion);
      gen.writeStringField("kind", o.kind);
      provider.defaultSerializeField("metadata", o.metadata, gen);
      for (String first : List.of("spec", "status")) {
        if (o.fields.containsKey(first)) {
          provider.defaultSerializeField(first, o.fields.get(first), gen);
        }
      }
      for (Map.Entry<String, Object> e : o.fields.entrySet()) {
        if (!e.getKey().equals("spec") && !e.getKey().equals("status")) {
          provider.defaultSerializeField(e.getKey(), e.getValue(), gen);
        }
      }
      gen.writeEndObject();
    }
  }
}
