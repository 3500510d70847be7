package dev.sailplan.examples;

import static dev.sailplan.istio.Traffic.destinationRule;

import dev.sailplan.core.Manifests;
import dev.sailplan.core.plan.Rollout;
import dev.sailplan.core.plan.State;
import dev.sailplan.gatewayapi.rollout.HttpRouteCanary;
import dev.sailplan.istio.networking.v1.ClientTLSMode;
import dev.sailplan.istio.networking.v1.ClientTLSSettings;
import dev.sailplan.istio.networking.v1.DestinationRuleSpec;
import dev.sailplan.istio.networking.v1.TrafficPolicy;
import dev.sailplan.istio.rollout.BlueGreen;
import dev.sailplan.istio.rollout.CanaryRollout;
import dev.sailplan.istio.rollout.EgressLockdown;
import dev.sailplan.istio.rollout.ExternalHost;
import dev.sailplan.istio.rollout.RevisionUpgrade;
import dev.sailplan.istio.rollout.StrictMtlsMigration;
import java.util.ArrayList;
import java.util.List;

/** The rollouts RenderAll writes as plans: at least one per composite, and a rollback. */
public final class ExamplePlans {
  private ExamplePlans() {}

  /** Bookinfo's reviews service moving from v1 to v2, testers first (x-canary: "true"). */
  public static CanaryRollout reviewsCanary() {
    return CanaryRollout.of("bookinfo/reviews")
        .stable("v1")
        .canary("v2")
        .steps(10, 25, 50, 100)
        .headerOverride("x-canary", "true")
        .build();
  }

  /**
   * The objects running bookinfo's details service now, as {@code kubectl get -o yaml} lists them:
   * its DestinationRule and VirtualService, and the Deployments of both versions (v2 already rolled
   * out, taking no traffic yet).
   */
  static final String DETAILS_NOW =
      """
      apiVersion: v1
      kind: List
      items:
      - apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: details-v1
          namespace: bookinfo
          labels: {app: details, version: v1}
        spec:
          replicas: 2
          selector:
            matchLabels: {app: details, version: v1}
          template:
            metadata:
              labels: {app: details, version: v1}
            spec:
              serviceAccountName: bookinfo-details
              containers:
              - name: details
                image: docker.io/istio/examples-bookinfo-details-v1:1.20.1
                ports:
                - containerPort: 9080
        status: {observedGeneration: 3, replicas: 2, readyReplicas: 2, updatedReplicas: 2}
      - apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: details-v2
          namespace: bookinfo
          labels: {app: details, version: v2}
        spec:
          replicas: 1
          selector:
            matchLabels: {app: details, version: v2}
          template:
            metadata:
              labels: {app: details, version: v2}
            spec:
              serviceAccountName: bookinfo-details
              containers:
              - name: details
                image: docker.io/istio/examples-bookinfo-details-v2:1.20.1
                ports:
                - containerPort: 9080
                env:
                - {name: DO_NOT_ENCRYPT, value: "true"}
        status: {observedGeneration: 1, replicas: 1, readyReplicas: 1, updatedReplicas: 1}
      - apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata: {name: details, namespace: bookinfo}
        spec:
          host: details
          subsets:
          - {name: v1, labels: {version: v1}}
      - apiVersion: networking.istio.io/v1
        kind: VirtualService
        metadata: {name: details, namespace: bookinfo}
        spec:
          hosts: [details]
          http:
          - timeout: 5s
            route:
            - destination: {host: details, subset: v1}
      """;

  /**
   * Bookinfo's details service moving from v1 to v2, from the objects running now, Deployments
   * included: the subsets are routed to only as their pods run.
   */
  public static CanaryRollout detailsCanaryFromCluster() {
    return CanaryRollout.of("bookinfo/details")
        .stable("v1")
        .canary("v2")
        .from(Manifests.parseMixed(DETAILS_NOW, "details-now.yaml"))
        .steps(50, 100)
        .build();
  }

  /** Bookinfo's ratings service switching from v1 to v2 at once. */
  public static BlueGreen ratingsBlueGreen() {
    return BlueGreen.of("bookinfo/ratings").live("v1").next("v2").build();
  }

  /**
   * The seed's migration: PERMISSIVE mesh-wide, then payments and orders STRICT (orders' MySQL
   * keeps port 3306 out of mTLS), then STRICT mesh-wide; a legacy rule sending plaintext to
   * payments goes first.
   */
  public static StrictMtlsMigration strictMtls() {
    return StrictMtlsMigration.mesh("istio-config")
        .namespaces("payments", "orders")
        .serverFirstPort("orders", "app", "mysql", 3306)
        .from(
            State.of(
                destinationRule(
                    "web/payments-plaintext",
                    DestinationRuleSpec.builder()
                        .host("api.payments.svc.cluster.local")
                        .trafficPolicy(
                            TrafficPolicy.builder()
                                .tls(
                                    ClientTLSSettings.builder().mode(ClientTLSMode.DISABLE).build())
                                .build())
                        .build())))
        .build();
  }

  /** The payments namespace may reach Stripe and nothing else outside the mesh. */
  public static EgressLockdown paymentsEgress() {
    return EgressLockdown.forNamespace("payments")
        .allow(ExternalHost.https("api.stripe.com"))
        .build();
  }

  /** The same lockdown, with Stripe reached through the egress gateway. */
  public static EgressLockdown paymentsEgressViaGateway() {
    return EgressLockdown.forNamespace("payments")
        .allow(ExternalHost.https("api.stripe.com"))
        .viaEgressGateway("istio-egress")
        .name("payments-egress-via-gateway")
        .build();
  }

  /** A Gateway API canary: the web/api HTTPRoute moving from Service api-v1 to api-v2. */
  public static HttpRouteCanary apiRouteCanary() {
    return HttpRouteCanary.of("web/api")
        .parent("istio-ingress/public")
        .stable("api-v1", 8080)
        .canary("api-v2", 8080)
        .hostnames("api.example.com")
        .steps(10, 50, 100)
        .build();
  }

  /** The namespaces before the control plane upgrade, as {@code kubectl get ns,deploy} shows. */
  private static final String NAMESPACES_NOW =
      """
      apiVersion: v1
      kind: Namespace
      metadata:
        name: bookinfo
        labels: {istio-injection: enabled, team: books}
      ---
      apiVersion: v1
      kind: Namespace
      metadata:
        name: payments
        labels: {istio.io/rev: 1-29-0, team: payments}
      ---
      apiVersion: v1
      kind: Namespace
      metadata:
        name: orders
        labels: {istio.io/rev: 1-29-0, team: orders}
      ---
      apiVersion: v1
      kind: Namespace
      metadata:
        name: web
        labels: {istio.io/rev: prod-stable, team: web}
      ---
      apiVersion: apps/v1
      kind: Deployment
      metadata: {name: reviews-v1, namespace: bookinfo}
      spec:
        selector:
          matchLabels: {app: reviews, version: v1}
        template:
          metadata:
            labels: {app: reviews, version: v1}
          spec:
            containers:
            - {name: reviews, image: docker.io/istio/examples-bookinfo-reviews-v1:1.20.3}
      """;

  /**
   * The canary upgrade of the control plane from revision 1-29-0 to 1-30-3: bookinfo, payments and
   * orders move one at a time (each restarted, then a gate), then the prod-stable tag that web
   * uses.
   */
  public static RevisionUpgrade controlPlaneUpgrade() {
    return RevisionUpgrade.from(State.of(Manifests.parseMixed(NAMESPACES_NOW, "namespaces.yaml")))
        .fromRevision("1-29-0")
        .toRevision("1-30-3")
        .step("bookinfo")
        .step("payments")
        .step("orders")
        .tag("prod-stable")
        .build();
  }

  /** Every example rollout, in the order RenderAll writes them. */
  public static List<Rollout> all() {
    List<Rollout> out = new ArrayList<>();
    CanaryRollout canary = reviewsCanary();
    out.add(canary);
    out.add(canary.rollbackFrom("shift-25"));
    BlueGreen blueGreen = ratingsBlueGreen();
    out.add(blueGreen);
    out.add(blueGreen.rollback());
    out.add(blueGreen.finish());
    out.add(strictMtls());
    out.add(paymentsEgress());
    out.add(paymentsEgressViaGateway());
    HttpRouteCanary route = apiRouteCanary();
    out.add(route);
    out.add(route.rollbackFrom("shift-50"));
    out.add(detailsCanaryFromCluster());
    RevisionUpgrade upgrade = controlPlaneUpgrade();
    out.add(upgrade);
    out.add(upgrade.rollbackFrom("move-payments"));
    return List.copyOf(out);
  }
}
