package dev.sailplan.core.meta;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import dev.sailplan.core.yaml.YamlIn;
import dev.sailplan.core.yaml.YamlOut;
import dev.sailplan.core.yaml.YamlWritable;
import java.util.Optional;
import org.immutables.value.Value;

/** Kubernetes {@code OwnerReference}: the object that owns this one. */
@Value.Immutable
@JsonSerialize(as = OwnerReference.class)
@JsonDeserialize(as = OwnerReference.class)
@JsonPropertyOrder({"apiVersion", "kind", "name", "uid", "controller", "blockOwnerDeletion"})
public abstract class AbstractOwnerReference implements YamlWritable {
  @JsonProperty("apiVersion")
  public abstract String apiVersion();

  @JsonProperty("kind")
  public abstract String kind();

  @JsonProperty("name")
  public abstract String name();

  @JsonProperty("uid")
  public abstract String uid();

  @JsonProperty("controller")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public abstract Optional<Boolean> controller();

  @JsonProperty("blockOwnerDeletion")
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  public abstract Optional<Boolean> blockOwnerDeletion();

  /** Writes the fields in the order of {@code @JsonPropertyOrder}, without reflection. */
  /** Reads an owner reference written the plain way (see {@link YamlIn}). */
  public static OwnerReference readYaml(YamlIn in) {
    OwnerReference.Builder b = OwnerReference.builder();
    long seen = 0;
    in.beginMapping();
    for (String key = in.nextKey(); key != null; key = in.nextKey()) {
      switch (key) {
        case "apiVersion" -> {
          seen = in.once(seen, 1L);
          b.apiVersion(in.string());
        }
        case "kind" -> {
          seen = in.once(seen, 1L << 1);
          b.kind(in.string());
        }
        case "name" -> {
          seen = in.once(seen, 1L << 2);
          b.name(in.string());
        }
        case "uid" -> {
          seen = in.once(seen, 1L << 3);
          b.uid(in.string());
        }
        case "controller" -> {
          seen = in.once(seen, 1L << 4);
          b.controller(in.bool());
        }
        case "blockOwnerDeletion" -> {
          seen = in.once(seen, 1L << 5);
          b.blockOwnerDeletion(in.bool());
        }
        default -> throw in.unknownKey(key);
      }
    }
    return b.build();
  }

  @Override
  public void writeYaml(YamlOut out) {
    out.key("apiVersion").value(apiVersion());
    out.key("kind").value(kind());
    out.key("name").value(name());
    out.key("uid").value(uid());
    controller().ifPresent(c -> out.key("controller").value(c.booleanValue()));
    blockOwnerDeletion().ifPresent(b -> out.key("blockOwnerDeletion").value(b.booleanValue()));
  }
}
