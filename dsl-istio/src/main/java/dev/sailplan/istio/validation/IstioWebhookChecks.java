package dev.sailplan.istio.validation;

import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.validation.Report;
import dev.sailplan.core.validation.ResourceCheck;
import dev.sailplan.istio.extensions.v1alpha1.WasmPlugin;
import dev.sailplan.istio.networking.v1.DestinationRule;
import dev.sailplan.istio.networking.v1.Gateway;
import dev.sailplan.istio.networking.v1.ServiceEntry;
import dev.sailplan.istio.networking.v1.Sidecar;
import dev.sailplan.istio.networking.v1.VirtualService;
import dev.sailplan.istio.networking.v1.WorkloadEntry;
import dev.sailplan.istio.networking.v1alpha3.EnvoyFilter;
import dev.sailplan.istio.security.v1.AuthorizationPolicy;
import dev.sailplan.istio.security.v1.RequestAuthentication;
import dev.sailplan.istio.telemetry.v1.Telemetry;
import dev.sailplan.istio.validation.internal.AuthorizationPolicyRules;
import dev.sailplan.istio.validation.internal.DestinationRuleRules;
import dev.sailplan.istio.validation.internal.EnvoyFilterRules;
import dev.sailplan.istio.validation.internal.GatewayRules;
import dev.sailplan.istio.validation.internal.Rejections;
import dev.sailplan.istio.validation.internal.RequestAuthenticationRules;
import dev.sailplan.istio.validation.internal.ServiceEntryRules;
import dev.sailplan.istio.validation.internal.SidecarRules;
import dev.sailplan.istio.validation.internal.TelemetryRules;
import dev.sailplan.istio.validation.internal.VirtualServiceRules;
import dev.sailplan.istio.validation.internal.WasmPluginRules;
import dev.sailplan.istio.validation.internal.WorkloadEntryRules;

/**
 * What istiod's validating webhook rejects that the CRD schemas let through ({@code SP04xx}, level
 * Error, reported by {@code istioctl analyze} as {@code IST0106}): a Sidecar whose catch-all egress
 * listener is not the last, a DestinationRule with both {@code distribute} and {@code failover}, a
 * VirtualService route that both redirects and routes, and so on.
 *
 * <pre>{@code
 * Error [SP0405] (DestinationRule default/locality-lb) spec.trafficPolicy.loadBalancer.localityLbSetting:
 *     can not simultaneously specify 'distribute' and 'failover'
 * }</pre>
 *
 * <p>Kinds whose webhook checks the CRD schema already enforces (PeerAuthentication, WorkloadGroup,
 * ProxyConfig) have no checks here.
 */
public final class IstioWebhookChecks implements ResourceCheck {
  /** The checks; they keep no state. */
  public IstioWebhookChecks() {}

  @Override
  public void check(Resource resource, Report report) {
    Rejections out = new Rejections(report);
    if (resource instanceof Sidecar r) {
      SidecarRules.check(r, out);
    } else if (resource instanceof DestinationRule r) {
      DestinationRuleRules.check(r, out);
    } else if (resource instanceof Gateway r) {
      GatewayRules.check(r, out);
    } else if (resource instanceof VirtualService r) {
      VirtualServiceRules.check(r, out);
    } else if (resource instanceof ServiceEntry r) {
      ServiceEntryRules.check(r, out);
    } else if (resource instanceof WorkloadEntry r) {
      WorkloadEntryRules.check(r, out);
    } else if (resource instanceof AuthorizationPolicy r) {
      AuthorizationPolicyRules.check(r, out);
    } else if (resource instanceof RequestAuthentication r) {
      RequestAuthenticationRules.check(r, out);
    } else if (resource instanceof EnvoyFilter r) {
      EnvoyFilterRules.check(r, out);
    } else if (resource instanceof Telemetry r) {
      TelemetryRules.check(r, out);
    } else if (resource instanceof WasmPlugin r) {
      WasmPluginRules.check(r, out);
    }
  }
}
