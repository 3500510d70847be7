package dev.sailplan.istio.layout;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * A gateway namespace: gateway deployments, their Istio {@code Gateway}s, the VirtualServices bound
 * to them and their certificates, which the network owners manage.
 *
 * <pre>{@code
 * GatewayNamespace.ingress();                    // istio-ingress, pods istio=ingressgateway
 * GatewayNamespace.of("edge", "istio", "edge");  // a namespace of one's own
 * }</pre>
 *
 * @param name the namespace
 * @param gatewayLabels the labels of its gateway pods (what an Istio Gateway's selector names), by
 *     which {@link MeshLayout#place} tells which gateway namespace a Gateway belongs to; for a
 *     namespace holding several gateways, a value joins the alternatives with {@code |}
 */
public record GatewayNamespace(String name, Map<String, String> gatewayLabels) {
  private static final Pattern ALTERNATIVES = Pattern.compile("|", Pattern.LITERAL);

  /** Checks and copies the parts. */
  public GatewayNamespace {
    Objects.requireNonNull(name, "name");
    gatewayLabels = Map.copyOf(new TreeMap<>(gatewayLabels));
  }

  /** {@code istio-ingress}, for gateways labelled {@code istio: ingressgateway}. */
  public static GatewayNamespace ingress() {
    return of("istio-ingress", "istio", "ingressgateway");
  }

  /** {@code istio-egress}, for gateways labelled {@code istio: egressgateway}. */
  public static GatewayNamespace egress() {
    return of("istio-egress", "istio", "egressgateway");
  }

  /** {@code istio-eastwest}, for gateways labelled {@code istio: eastwestgateway}. */
  public static GatewayNamespace eastWest() {
    return of("istio-eastwest", "istio", "eastwestgateway");
  }

  /** {@code istio-gateways}: one namespace for the ingress, egress and east-west gateways. */
  public static GatewayNamespace shared() {
    return of("istio-gateways", "istio", "ingressgateway|egressgateway|eastwestgateway");
  }

  /** A gateway namespace whose gateway pods carry the label {@code key: value}. */
  public static GatewayNamespace of(String name, String key, String value) {
    return new GatewayNamespace(name, Map.of(key, value));
  }

  /** Whether a Gateway with this selector selects this namespace's gateway pods. */
  boolean serves(Map<String, String> selector) {
    if (selector.isEmpty()) {
      return false;
    }
    for (Map.Entry<String, String> e : selector.entrySet()) {
      String values = gatewayLabels.get(e.getKey());
      if (values == null || !Arrays.asList(ALTERNATIVES.split(values, -1)).contains(e.getValue())) {
        return false;
      }
    }
    return true;
  }
}
