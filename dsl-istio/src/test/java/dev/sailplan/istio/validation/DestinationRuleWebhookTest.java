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

  /** SP0449 */
  @Test
  void policiesAndConnectionPoolsSetSomething() {
    expect(
        """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: reviews
          namespace: default
        spec:
          host: reviews
          trafficPolicy:
            connectionPool: {}
            portLevelSettings:
            - port:
                number: 9080
          subsets:
          - name: v1
            labels:
              version: v1
            trafficPolicy: {}
        """,
        "Error [SP0449] (DestinationRule default/reviews mesh.yaml:9) spec.trafficPolicy.connectionPool: connection pool must have at least one field",
        "Error [SP0449] (DestinationRule default/reviews mesh.yaml:11) spec.trafficPolicy.portLevelSettings[0]: port traffic policy must have at least one field",
        "Error [SP0449] (DestinationRule default/reviews mesh.yaml:17) spec.subsets[0].trafficPolicy: traffic policy must have at least one field");
  }

  /** SP0450 */
  @Test
  void trafficPolicySettingsAgreeAndFitEnvoy() {
    expect(
        """
        apiVersion: networking.istio.io/v1
        kind: DestinationRule
        metadata:
          name: reviews
          namespace: default
        spec:
          host: reviews
          trafficPolicy:
            connectionPool:
              http:
                h2UpgradePolicy: UPGRADE
                useClientProtocol: true
            outlierDetection:
              consecutiveLocalOriginFailures: 3
              maxEjectionPercent: 150
            loadBalancer:
              consistentHash:
                httpHeaderName: x-user
                maglev:
                  tableSize: 65536
        """,
        "Error [SP0450] (DestinationRule default/reviews mesh.yaml:10) spec.trafficPolicy.connectionPool.http: use client protocol must not be true when H2UpgradePolicy is UPGRADE",
        "Error [SP0450] (DestinationRule default/reviews mesh.yaml:14) spec.trafficPolicy.outlierDetection.consecutiveLocalOriginFailures: outlier detection consecutive local origin failures is specified, but split external local origin errors is set to false",
        "Error [SP0450] (DestinationRule default/reviews mesh.yaml:15) spec.trafficPolicy.outlierDetection.maxEjectionPercent: percentage 150 is not in range 0..100",
        "Error [SP0450] (DestinationRule default/reviews mesh.yaml:20) spec.trafficPolicy.loadBalancer.consistentHash.maglev.tableSize: tableSize must be a prime number for maglev");
  }
}
