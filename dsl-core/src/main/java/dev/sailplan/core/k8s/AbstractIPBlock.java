package dev.sailplan.core.k8s;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import java.util.List;
import org.immutables.value.Value;

/**
 * Kubernetes {@code IPBlock}: a CIDR range, less some sub-ranges.
 *
 * <pre>{@code
 * IPBlock.of("10.0.0.0/8", "10.1.0.0/16");
 * }</pre>
 *
 * <p>Build with {@code IPBlock.builder()}.
 */
@Value.Immutable
@JsonSerialize(as = IPBlock.class)
@JsonDeserialize(as = IPBlock.class)
@JsonPropertyOrder({"cidr", "except"})
public abstract class AbstractIPBlock {
  /** A CIDR range less the given sub-ranges. */
  public static IPBlock of(String cidr, String... except) {
    return IPBlock.builder().cidr(cidr).addExcept(except).build();
  }

  /** The range, e.g. {@code 192.168.1.0/24} or {@code 2001:db8::/64}. */
  @JsonProperty("cidr")
  public abstract String cidr();

  /** Sub-ranges of {@link #cidr()} left out. */
  @JsonProperty("except")
  @JsonInclude(JsonInclude.Include.NON_EMPTY)
  public abstract List<String> except();
}
