package dev.sailplan.testing.plan;

import static dev.sailplan.istio.Security.mtls;
import static dev.sailplan.istio.Security.peerAuthentication;
import static dev.sailplan.istio.Traffic.*;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.plan.Barrier;
import dev.sailplan.core.plan.Change;
import dev.sailplan.core.plan.Plan;
import dev.sailplan.core.plan.ResourceKey;
import dev.sailplan.core.plan.Stage;
import dev.sailplan.core.plan.State;
import dev.sailplan.core.plan.Step;
import dev.sailplan.istio.networking.v1.ClientTLSMode;
import dev.sailplan.istio.networking.v1.ClientTLSSettings;
import dev.sailplan.istio.networking.v1.DestinationRuleSpec;
import dev.sailplan.istio.networking.v1.HTTPRoute;
import dev.sailplan.istio.networking.v1.TrafficPolicy;
import dev.sailplan.istio.networking.v1.VirtualServiceSpec;
import dev.sailplan.istio.security.v1.MutualTLSMode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The checker finds the violations it is meant to find (so its silence on real plans means
 * something).
 */
class MakeBeforeBreakCheckerTest {
  private static final Resource RULE_V1 =
      destinationRule(
          "bookinfo/reviews",
          DestinationRuleSpec.builder().host("reviews").addSubsets(versionSubset("v1")).build());
  private static final Resource RULE_V1_V2 =
      destinationRule(
          "bookinfo/reviews",
          DestinationRuleSpec.builder()
              .host("reviews")
              .addSubsets(versionSubset("v1"), versionSubset("v2"))
              .build());
  private static final Resource ROUTE_V2 =
      virtualService(
          "bookinfo/reviews",
          VirtualServiceSpec.builder()
              .addHosts("reviews")
              .addHttp(HTTPRoute.builder().addRoute(routeTo("reviews", "v2")).build())
              .build());

  private static Stage stage(Resource... after) {
    return new Stage(
        "s",
        List.of(after).stream()
            .map(r -> new Change(ResourceKey.of(r), Optional.empty(), Optional.of(r)))
            .toList(),
        Barrier.PROPAGATION,
        "");
  }

  private static Plan plan(State current, State desired, Stage... stages) {
    return new Plan("p", current, List.of(new Step("step", desired, List.of(stages))));
  }

  @Test
  void aRouteToASubsetInTheSameStageAsItsDefinitionIsCaught() {
    Stage both =
        new Stage(
            "s",
            List.of(
                new Change(ResourceKey.of(RULE_V1), Optional.of(RULE_V1), Optional.of(RULE_V1_V2)),
                new Change(ResourceKey.of(ROUTE_V2), Optional.empty(), Optional.of(ROUTE_V2))),
            Barrier.NONE,
            "");
    assertEquals(
        List.of(
            "stage 1 (s), with 1 of 2 changes applied: VirtualService bookinfo/reviews routes to subset"
                + " reviews.bookinfo.svc.cluster.local/v2 that no DestinationRule defines (rule 1)"),
        MakeBeforeBreakChecker.check(
            plan(State.of(RULE_V1), State.of(RULE_V1_V2, ROUTE_V2), both)));
  }

  @Test
  void strictBesidePlaintextAndSkippingPermissiveAreCaught() {
    Resource plaintext =
        destinationRule(
            "web/plain",
            DestinationRuleSpec.builder()
                .host("ratings.bookinfo.svc.cluster.local")
                .trafficPolicy(
                    TrafficPolicy.builder()
                        .tls(ClientTLSSettings.builder().mode(ClientTLSMode.DISABLE).build())
                        .build())
                .build());
    Resource disabled = peerAuthentication("bookinfo/default", mtls(MutualTLSMode.DISABLE));
    Resource strict = peerAuthentication("bookinfo/default", mtls(MutualTLSMode.STRICT));
    Stage jump =
        new Stage(
            "s",
            List.of(new Change(ResourceKey.of(strict), Optional.of(disabled), Optional.of(strict))),
            Barrier.NONE,
            "");
    assertEquals(
        List.of(
            "stage 1 (s), with 1 of 1 changes applied: PeerAuthentication bookinfo/default is STRICT while"
                + " DestinationRule web/plain sends plaintext to bookinfo (rule 4)",
            "stage 1: PeerAuthentication bookinfo/default goes from DISABLE straight to STRICT"),
        MakeBeforeBreakChecker.check(
            plan(State.of(disabled, plaintext), State.of(strict, plaintext), jump)));
  }

  @Test
  void aPlanThatDoesNotEndInItsDesiredStateIsCaught() {
    assertEquals(
        List.of(
            "the plan ends in [DestinationRule bookinfo/reviews], not in its desired state"
                + " [DestinationRule bookinfo/reviews, VirtualService bookinfo/reviews]"),
        MakeBeforeBreakChecker.check(
            plan(State.empty(), State.of(RULE_V1_V2, ROUTE_V2), stage(RULE_V1_V2))));
  }
}
