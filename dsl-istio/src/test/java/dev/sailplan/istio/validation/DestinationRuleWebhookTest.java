package dev.sailplan.istio.validation;

import static dev.sailplan.istio.validation.WebhookTesting.expect;

import org.junit.jupiter.api.Test;

/** What istiod's webhook rejects in a DestinationRule. */
class DestinationRuleWebhookTest {
  /** SP0405: As seed 003-19 writes it. */
  @Test
  void distributeAndFailoverTogetherAreRejected() {
    expect(
        """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: locality-lb
          namespace: default
        spec:
          host: service.default.svc.cluster.local
          trafficPolicy:
            loadBalancer:
              localityLbSetting:
                enabled: true
                distribute:
                - from: us-west/zone1/*
                  to:
                    "us-west/zone1/*": 80
                    "us-west/zone2/*": 20
                failover:
                - from: us-west
                  to: us-east
            outlierDetection:
              consecutive5xxErrors: 5
        """,
        "Error [SP0405] (DestinationRule default/locality-lb mesh.yaml:10) spec.trafficPolicy.loadBalancer.localityLbSetting: can not simultaneously specify 'distribute' and 'failover'");
  }

  /** SP0406 */
  @Test
  void distributeWeightsSumTo100() {
    expect(
        """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: locality-lb
          namespace: default
        spec:
          host: service.default.svc.cluster.local
          trafficPolicy:
            loadBalancer:
              localityLbSetting:
                distribute:
                - from: us-west/zone1/*
                  to:
                    "us-west/zone1/*": 80
                    "us-west/zone2/*": 30
        """,
        "Error [SP0406] (DestinationRule default/locality-lb mesh.yaml:13) spec.trafficPolicy.loadBalancer.localityLbSetting.distribute[0].to: total locality weight 110 != 100");
  }

  /** SP0407 */
  @Test
  void failoverGoesFromOneRegionToAnother() {
    expect(
        """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: failover
          namespace: default
        spec:
          host: service.default.svc.cluster.local
          trafficPolicy:
            loadBalancer:
              localityLbSetting:
                failover:
                - from: us-east
                  to: us-east
                - from: us-west/zone1
                  to: eu-*
            outlierDetection:
              consecutive5xxErrors: 5
        """,
        "Error [SP0407] (DestinationRule default/failover mesh.yaml:12) spec.trafficPolicy.loadBalancer.localityLbSetting.failover[0]: locality lb failover settings must specify different regions",
        "Error [SP0407] (DestinationRule default/failover mesh.yaml:14) spec.trafficPolicy.loadBalancer.localityLbSetting.failover[1]: locality lb failover only specify region",
        "Error [SP0407] (DestinationRule default/failover mesh.yaml:14) spec.trafficPolicy.loadBalancer.localityLbSetting.failover[1]: locality lb failover region should not contain '*' wildcard");
  }

  /** SP0408 */
  @Test
  void subsetNamesAreUnique() {
    expect(
        """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: reviews
          namespace: default
        spec:
          host: reviews
          subsets:
          - name: v1
            labels:
              version: v1
          - name: v1
            labels:
              version: v2
        """,
        "Error [SP0408] (DestinationRule default/reviews mesh.yaml:12) spec.subsets[1].name: duplicate subset names: v1");
  }

  /** SP0409 */
  @Test
  void mutualTlsOriginationNeedsAClientCertificateAndKey() {
    expect(
        """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: external
          namespace: default
        spec:
          host: api.example.com
          trafficPolicy:
            tls:
              mode: MUTUAL
              sni: api.example.com
        """,
        "Error [SP0409] (DestinationRule default/external mesh.yaml:9) spec.trafficPolicy.tls: client certificate required for mutual tls",
        "Error [SP0409] (DestinationRule default/external mesh.yaml:9) spec.trafficPolicy.tls: private key required for mutual tls");
  }
}
