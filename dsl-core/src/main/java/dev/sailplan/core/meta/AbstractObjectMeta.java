package dev.sailplan.core.meta;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.sailplan.core.value.Timestamp;
import dev.sailplan.core.yaml.YamlIn;
import dev.sailplan.core.yaml.YamlOut;
import dev.sailplan.core.yaml.YamlWritable;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * Kubernetes {@code ObjectMeta}: every field of {@code metav1.ObjectMeta}, so that objects read
 * back from a cluster ({@code kubectl get -o yaml}) parse without loss.
 *
 * <p>Rendered in the order name, generateName, namespace, labels, annotations, then the fields a
 * cluster sets. Labels and annotations render sorted by key.
 *
 * <pre>{@code
 * ObjectMeta meta = ObjectMeta.named("reviews").withNamespace("bookinfo");
 * ObjectMeta same = ObjectMeta.ref("bookinfo/reviews");
 * }</pre>
 */
@Value.Immutable
@JsonSerialize(as = ObjectMeta.class)
@JsonDeserialize(as = ObjectMeta.class)
@JsonPropertyOrder({
  "name",
  "generateName",
  "namespace",
  "labels",
  "annotations",
  "uid",
  "resourceVersion",
  "generation",
  "creationTimestamp",
  "deletionTimestamp",
  "deletionGracePeriodSeconds",
  "finalizers",
  "ownerReferences",
  "managedFields",
  "selfLink"
})
public abstract class AbstractObjectMeta implements YamlWritable {
  /** Metadata with just a name. */
  public static ObjectMeta named(String name) {
    return ObjectMeta.builder().name(name).build();
  }

  /**
   * Metadata from a {@code namespace/name} reference, or a bare {@code name}.
   *
   * @throws IllegalArgumentException when either part is empty or there is more than one slash
   */
  public static ObjectMeta ref(String namespaceSlashName) {
    String[] parts = namespaceSlashName.split("/", -1);
    if (parts.length > 2
        || parts[parts.length - 1].isEmpty()
        || (parts.length == 2 && parts[0].isEmpty())) {
      throw new IllegalArgumentException(
          "not a valid reference: '" + namespaceSlashName + "' (expected name or namespace/name)");
    }
    ObjectMeta.Builder b = ObjectMeta.builder().name(parts[parts.length - 1]);
    if (parts.length == 2) {
      b.namespace(parts[0]);
    }
    return b.build();
  }

  @JsonProperty("name")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public abstract Optional<String> name();

  @JsonProperty("generateName")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public abstract Optional<String> generateName();

  @JsonProperty("namespace")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public abstract Optional<String> namespace();

  @JsonProperty("labels")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, String> labels();

  @JsonProperty("annotations")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract Map<String, String> annotations();

  @JsonProperty("uid")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public abstract Optional<String> uid();

  @JsonProperty("resourceVersion")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public abstract Optional<String> resourceVersion();

  @JsonProperty("generation")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public abstract Optional<Long> generation();

  /** When the object was created, kept as written (also an explicit {@code null}). */
  @JsonProperty("creationTimestamp")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  // Tools write "creationTimestamp: null"; keep it so such manifests render back as they were.
  @JsonSetter(nulls = Nulls.SET)
  public abstract Optional<Timestamp> creationTimestamp();

  /** When deletion was requested, kept as written. */
  @JsonProperty("deletionTimestamp")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public abstract Optional<Timestamp> deletionTimestamp();

  @JsonProperty("deletionGracePeriodSeconds")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public abstract Optional<Long> deletionGracePeriodSeconds();

  @JsonProperty("finalizers")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<String> finalizers();

  @JsonProperty("ownerReferences")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<OwnerReference> ownerReferences();

  /** Server-side apply bookkeeping, kept as a JSON tree. */
  @JsonProperty("managedFields")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<JsonNode> managedFields();

  @JsonProperty("selfLink")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public abstract Optional<String> selfLink();

  /** Writes the fields in the order of {@code @JsonPropertyOrder}, without reflection. */
  @Override
  public void writeYaml(YamlOut out) {
    string(out, "name", name());
    string(out, "generateName", generateName());
    string(out, "namespace", namespace());
    strings(out, "labels", labels());
    strings(out, "annotations", annotations());
    string(out, "uid", uid());
    string(out, "resourceVersion", resourceVersion());
    generation().ifPresent(g -> out.key("generation").value(g.longValue()));
    timestamp(out, "creationTimestamp", creationTimestamp());
    timestamp(out, "deletionTimestamp", deletionTimestamp());
    deletionGracePeriodSeconds()
        .ifPresent(g -> out.key("deletionGracePeriodSeconds").value(g.longValue()));
    if (!finalizers().isEmpty()) {
      out.key("finalizers").beginSequence();
      finalizers().forEach(out::value);
      out.endSequence();
    }
    if (!ownerReferences().isEmpty()) {
      out.key("ownerReferences").beginSequence();
      ownerReferences().forEach(out::object);
      out.endSequence();
    }
    if (!managedFields().isEmpty()) {
      out.key("managedFields").beginSequence();
      managedFields().forEach(out::tree);
      out.endSequence();
    }
    string(out, "selfLink", selfLink());
  }

  /**
   * Reads metadata written the plain way; anything else makes {@code in} throw, for the full path
   * to decide (see {@link YamlIn}).
   */
  public static ObjectMeta readYaml(YamlIn in) {
    ObjectMeta.Builder b = ObjectMeta.builder();
    long seen = 0;
    in.beginMapping();
    for (String key = in.nextKey(); key != null; key = in.nextKey()) {
      switch (key) {
        case "name" -> {
          seen = in.once(seen, 1L);
          b.name(in.string());
        }
        case "generateName" -> {
          seen = in.once(seen, 1L << 1);
          b.generateName(in.string());
        }
        case "namespace" -> {
          seen = in.once(seen, 1L << 2);
          b.namespace(in.string());
        }
        case "labels" -> {
          seen = in.once(seen, 1L << 3);
          b.putAllLabels(in.map(YamlIn::string));
        }
        case "annotations" -> {
          seen = in.once(seen, 1L << 4);
          b.putAllAnnotations(in.map(YamlIn::string));
        }
        case "uid" -> {
          seen = in.once(seen, 1L << 5);
          b.uid(in.string());
        }
        case "resourceVersion" -> {
          seen = in.once(seen, 1L << 6);
          b.resourceVersion(in.string());
        }
        case "generation" -> {
          seen = in.once(seen, 1L << 7);
          b.generation(in.int64());
        }
        case "creationTimestamp" -> {
          seen = in.once(seen, 1L << 8);
          b.creationTimestamp(in.readNull() ? Timestamp.NULL : in.timestamp());
        }
        case "deletionTimestamp" -> {
          seen = in.once(seen, 1L << 9);
          b.deletionTimestamp(in.timestamp());
        }
        case "deletionGracePeriodSeconds" -> {
          seen = in.once(seen, 1L << 10);
          b.deletionGracePeriodSeconds(in.int64());
        }
        case "finalizers" -> {
          seen = in.once(seen, 1L << 11);
          b.addAllFinalizers(in.list(YamlIn::string));
        }
        case "ownerReferences" -> {
          seen = in.once(seen, 1L << 12);
          b.addAllOwnerReferences(in.list(OwnerReference::readYaml));
        }
        case "managedFields" -> {
          seen = in.once(seen, 1L << 13);
          b.addAllManagedFields(in.list(YamlIn::tree));
        }
        case "selfLink" -> {
          seen = in.once(seen, 1L << 14);
          b.selfLink(in.string());
        }
        default -> throw in.unknownKey(key);
      }
    }
    return b.build();
  }

  private static void string(YamlOut out, String key, Optional<String> value) {
    if (value.isPresent()) {
      out.key(key).value(value.get());
    }
  }

  private static void timestamp(YamlOut out, String key, Optional<Timestamp> value) {
    if (value.isPresent()) {
      out.key(key);
      if (value.get().isNull()) {
        out.valueNull();
      } else {
        out.value(value.get().text());
      }
    }
  }

  private static void strings(YamlOut out, String key, Map<String, String> map) {
    if (!map.isEmpty()) {
      out.key(key).beginMapping();
      for (Map.Entry<String, String> e : YamlOut.sorted(map)) {
        out.key(e.getKey()).value(e.getValue());
      }
      out.endMapping();
    }
  }
}
