package dev.sailplan.istio;

import dev.sailplan.core.meta.ObjectMeta;
import dev.sailplan.istio.telemetry.v1.ProviderRef;
import dev.sailplan.istio.telemetry.v1.Telemetry;
import dev.sailplan.istio.telemetry.v1.TelemetrySpec;

/**
 * Factories for Istio telemetry ({@code telemetry.istio.io/v1}).
 *
 * <pre>{@code
 * Telemetry t = telemetry("istio-system/mesh-default", TelemetrySpec.builder()
 *     .addAccessLogging(AccessLogging.builder().addProviders(provider("envoy")).build())
 *     .build());
 * }</pre>
 */
public final class Observability {
  private Observability() {}

  /** A Telemetry named by a {@code namespace/name} (or bare {@code name}) reference. */
  public static Telemetry telemetry(String ref, TelemetrySpec spec) {
    return Telemetry.builder().metadata(ObjectMeta.ref(ref)).spec(spec).build();
  }

  /** A reference to a provider defined in MeshConfig's extensionProviders. */
  public static ProviderRef provider(String name) {
    return ProviderRef.builder().name(name).build();
  }
}
