package it.mesh;

import static dev.sailplan.istio.Traffic.destinationRule;
import static dev.sailplan.istio.Traffic.routeTo;
import static dev.sailplan.istio.Traffic.versionSubset;
import static dev.sailplan.istio.Traffic.virtualService;

import dev.sailplan.core.ManifestSource;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.istio.networking.v1.DestinationRuleSpec;
import dev.sailplan.istio.networking.v1.HTTPRoute;
import dev.sailplan.istio.networking.v1.VirtualServiceSpec;
import java.util.List;

public final class Reviews implements ManifestSource {
  @Override
  public List<Resource> manifests() {
    return List.of(
        virtualService(
            "default/reviews",
            VirtualServiceSpec.builder()
                .addHosts("reviews")
                .addHttp(HTTPRoute.builder().addRoute(routeTo("reviews", "v1")).build())
                .build()),
        destinationRule(
            "default/reviews",
            DestinationRuleSpec.builder().host("reviews").addSubsets(versionSubset("v1")).build()));
  }
}
