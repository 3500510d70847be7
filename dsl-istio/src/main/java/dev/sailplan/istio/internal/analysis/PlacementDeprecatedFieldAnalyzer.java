package dev.sailplan.istio.internal.analysis;

import dev.sailplan.core.validation.Analyzer;
import dev.sailplan.core.validation.FieldPath;
import dev.sailplan.core.validation.Level;
import dev.sailplan.core.validation.Mesh;
import dev.sailplan.core.validation.Reports;
import dev.sailplan.istio.networking.v1.Delay;
import dev.sailplan.istio.networking.v1.HTTPFaultInjection;
import dev.sailplan.istio.networking.v1.HTTPRoute;
import dev.sailplan.istio.networking.v1.OutboundTrafficPolicy;
import dev.sailplan.istio.networking.v1.Sidecar;
import dev.sailplan.istio.networking.v1.SidecarSpec;
import dev.sailplan.istio.networking.v1.VirtualService;
import dev.sailplan.istio.networking.v1.VirtualServiceSpec;
import java.util.List;

/**
 * SP3018 (IST0002): fields Istio deprecated and istioctl reports, {@code fault.delay.percent}
 * (replaced by {@code percentage}) and the Sidecar's {@code outboundTrafficPolicy.egressProxy}
 * (ignored).
 */
final class PlacementDeprecatedFieldAnalyzer implements Analyzer {
  @Override
  public void analyze(Mesh mesh, Reports reports) {
    for (VirtualService vs : mesh.all(VirtualService.class)) {
      List<HTTPRoute> http = vs.spec().map(VirtualServiceSpec::http).orElse(List.of());
      for (int i = 0; i < http.size(); i++) {
        boolean percent =
            http.get(i)
                .fault()
                .flatMap(HTTPFaultInjection::delay)
                .map(Delay::percent)
                .filter(p -> p.isPresent() && p.getAsInt() > 0)
                .isPresent();
        if (percent) {
          reports
              .on(vs)
              .add(
                  "SP3018",
                  "IST0002",
                  Level.WARNING,
                  FieldPath.root()
                      .field("spec")
                      .field("http")
                      .index(i)
                      .field("fault")
                      .field("delay")
                      .field("percent"),
                  "",
                  "fault.delay.percent is deprecated; use fault.delay.percentage (value: a double)");
        }
      }
    }
    for (Sidecar sc : mesh.all(Sidecar.class)) {
      boolean egressProxy =
          sc.spec()
              .flatMap(SidecarSpec::outboundTrafficPolicy)
              .flatMap(OutboundTrafficPolicy::egressProxy)
              .isPresent();
      if (egressProxy) {
        reports
            .on(sc)
            .add(
                "SP3018",
                "IST0002",
                Level.WARNING,
                FieldPath.root().field("spec").field("outboundTrafficPolicy").field("egressProxy"),
                "",
                "outboundTrafficPolicy.egressProxy is deprecated and ignored; route egress through"
                    + " an egress gateway with a VirtualService");
      }
    }
  }
}
