package dev.sailplan.examples.plan;

import static dev.sailplan.istio.Security.mtls;
import static dev.sailplan.istio.Security.peerAuthentication;
import static dev.sailplan.istio.Traffic.*;

import dev.sailplan.core.k8s.LabelSelector;
import dev.sailplan.core.k8s.NetworkPolicy;
import dev.sailplan.core.k8s.NetworkPolicySpec;
import dev.sailplan.core.k8s.Service;
import dev.sailplan.core.k8s.ServicePort;
import dev.sailplan.core.k8s.ServiceSpec;
import dev.sailplan.core.meta.ObjectMeta;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.plan.State;
import dev.sailplan.gatewayapi.GatewayApi;
import dev.sailplan.gatewayapi.v1.HTTPRouteRule;
import dev.sailplan.gatewayapi.v1.HTTPRouteSpec;
import dev.sailplan.gatewayapi.v1.Listener;
import dev.sailplan.istio.networking.v1.ClientTLSMode;
import dev.sailplan.istio.networking.v1.ClientTLSSettings;
import dev.sailplan.istio.networking.v1.DestinationRuleSpec;
import dev.sailplan.istio.networking.v1.GatewaySpec;
import dev.sailplan.istio.networking.v1.HTTPRoute;
import dev.sailplan.istio.networking.v1.Location;
import dev.sailplan.istio.networking.v1.OutboundTrafficPolicy;
import dev.sailplan.istio.networking.v1.OutboundTrafficPolicyMode;
import dev.sailplan.istio.networking.v1.Resolution;
import dev.sailplan.istio.networking.v1.Server;
import dev.sailplan.istio.networking.v1.ServiceEntrySpec;
import dev.sailplan.istio.networking.v1.SidecarSpec;
import dev.sailplan.istio.networking.v1.TrafficPolicy;
import dev.sailplan.istio.networking.v1.VirtualServiceSpec;
import dev.sailplan.istio.security.v1.MutualTLSMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Random states that are each valid on their own (every reference resolves within the state), over
 * a small universe that touches every ordering rule. Any two of them must be reachable from each
 * other by a safe plan.
 */
final class RandomStates {
  private static final List<String> SUBSETS = List.of("v1", "v2", "v3");

  private RandomStates() {}

  static State state(long seed) {
    Random rnd = new Random(seed);
    List<Resource> out = new ArrayList<>();
    boolean ingress = rnd.nextBoolean();
    if (ingress) {
      out.add(
          gateway(
              "istio-ingress/public",
              GatewaySpec.builder()
                  .putSelector("istio", "ingressgateway")
                  .addServers(
                      Server.builder()
                          .port(serverPort(80, "http", "HTTP"))
                          .addHosts("*/*.example.com")
                          .build())
                  .build()));
    }
    for (String host : List.of("reviews", "ratings")) {
      if (!rnd.nextBoolean()) {
        continue;
      }
      List<String> defined = new ArrayList<>();
      for (String s : SUBSETS) {
        if (rnd.nextBoolean()) {
          defined.add(s);
        }
      }
      if (defined.isEmpty()) {
        defined.add(SUBSETS.get(rnd.nextInt(SUBSETS.size())));
      }
      DestinationRuleSpec.Builder dr = DestinationRuleSpec.builder().host(host);
      defined.forEach(s -> dr.addSubsets(versionSubset(s)));
      out.add(destinationRule("bookinfo/" + host, dr.build()));
      if (rnd.nextBoolean()) {
        String a = defined.get(rnd.nextInt(defined.size()));
        String b = defined.get(rnd.nextInt(defined.size()));
        HTTPRoute.Builder route = HTTPRoute.builder();
        if (a.equals(b)) {
          route.addRoute(routeTo(host, a));
        } else {
          int w = 1 + rnd.nextInt(99);
          route
              .addRoute(routeTo(host, a).withWeight(w))
              .addRoute(routeTo(host, b).withWeight(100 - w));
        }
        VirtualServiceSpec.Builder vs =
            VirtualServiceSpec.builder().addHosts(host).addHttp(route.build());
        if (ingress && rnd.nextBoolean()) {
          vs.addGateways("istio-ingress/public", "mesh");
        }
        out.add(virtualService("bookinfo/" + host, vs.build()));
      }
    }
    MutualTLSMode[] modes = {
      null, MutualTLSMode.DISABLE, MutualTLSMode.PERMISSIVE, MutualTLSMode.STRICT
    };
    MutualTLSMode mode = modes[rnd.nextInt(modes.length)];
    if (mode != null) {
      out.add(peerAuthentication("bookinfo/default", mtls(mode)));
    }
    if (mode != MutualTLSMode.STRICT && rnd.nextBoolean()) {
      out.add(
          destinationRule(
              "web/plaintext-ratings",
              DestinationRuleSpec.builder()
                  .host("ratings.bookinfo.svc.cluster.local")
                  .trafficPolicy(
                      TrafficPolicy.builder()
                          .tls(ClientTLSSettings.builder().mode(ClientTLSMode.DISABLE).build())
                          .build())
                  .build()));
    }
    if (rnd.nextBoolean()) {
      out.add(
          serviceEntry(
              "bookinfo/ext",
              ServiceEntrySpec.builder()
                  .addHosts("api.ext.com")
                  .addPorts(servicePort(443, "https", "TLS"))
                  .location(Location.MESH_EXTERNAL)
                  .resolution(Resolution.DNS)
                  .build()));
      if (rnd.nextBoolean()) {
        out.add(
            sidecar(
                "bookinfo/default",
                SidecarSpec.builder()
                    .outboundTrafficPolicy(
                        OutboundTrafficPolicy.builder()
                            .mode(OutboundTrafficPolicyMode.REGISTRY_ONLY)
                            .build())
                    .addEgress(egressHosts("./*", "istio-system/*", "*/api.ext.com"))
                    .build()));
        if (rnd.nextBoolean()) {
          out.add(
              NetworkPolicy.builder()
                  .metadata(ObjectMeta.ref("bookinfo/egress-lockdown"))
                  .spec(
                      NetworkPolicySpec.builder()
                          .podSelector(LabelSelector.builder().build())
                          .addPolicyTypes("Egress")
                          .build())
                  .build());
        }
      }
    }
    boolean gw = rnd.nextBoolean();
    boolean service = rnd.nextBoolean();
    boolean grant = rnd.nextBoolean();
    if (gw) {
      out.add(
          GatewayApi.gateway(
              "gw/public",
              dev.sailplan.gatewayapi.v1.GatewaySpec.builder()
                  .gatewayClassName("istio")
                  .addListeners(Listener.builder().name("http").port(80).protocol("HTTP").build())
                  .build()));
    }
    if (service) {
      out.add(
          Service.builder()
              .metadata(ObjectMeta.ref("backends/api"))
              .spec(ServiceSpec.builder().addPorts(ServicePort.of("http", 8080)).build())
              .build());
    }
    if (grant) {
      out.add(GatewayApi.referenceGrant("backends/allow-web", GatewayApi.allowRoutesFrom("web")));
    }
    if (gw && service && grant && rnd.nextBoolean()) {
      out.add(
          GatewayApi.httpRoute(
              "web/api",
              HTTPRouteSpec.builder()
                  .addParentRefs(GatewayApi.parent("gw/public"))
                  .addRules(
                      HTTPRouteRule.builder()
                          .addBackendRefs(GatewayApi.backend("api", 8080).withNamespace("backends"))
                          .build())
                  .build()));
    }
    return State.of(out);
  }
}
