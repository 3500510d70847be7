package dev.sailplan.core.k8s;

/**
 * Factories of {@link IPBlock}, called on the type (the generated {@code AbstractIPBlock} extends
 * this class).
 */
public abstract class IPBlockBase {
  IPBlockBase() {}

  /** A CIDR range less the given sub-ranges: {@code IPBlock.of("10.0.0.0/8", "10.1.0.0/16")}. */
  public static IPBlock of(String cidr, String... except) {
    return IPBlock.builder().cidr(cidr).addExcept(except).build();
  }
}
