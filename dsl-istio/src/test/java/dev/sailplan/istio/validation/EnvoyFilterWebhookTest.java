package dev.sailplan.istio.validation;

import static dev.sailplan.istio.validation.WebhookTesting.expect;

import org.junit.jupiter.api.Test;

/** What istiod's webhook rejects in EnvoyFilters and WorkloadEntries. */
class EnvoyFilterWebhookTest {
  /** SP0436 */
  @Test
  void aPatchOtherThanRemoveCarriesAValue() {
    expect(
        """
        apiVersion: networking.istio.io/v1alpha3
        kind: EnvoyFilter
        metadata:
          name: tune
          namespace: istio-config
        spec:
          configPatches:
          - applyTo: CLUSTER
            patch:
              operation: MERGE
        """,
        "Error [SP0436] (EnvoyFilter istio-config/tune mesh.yaml:9) spec.configPatches[0].patch: Envoy filter: missing patch value for non-remove operation");
  }

  /** SP0437 */
  @Test
  void theMatchFitsWhatThePatchAppliesTo() {
    expect(
        """
        apiVersion: networking.istio.io/v1alpha3
        kind: EnvoyFilter
        metadata:
          name: tune
          namespace: istio-config
        spec:
          configPatches:
          - applyTo: CLUSTER
            match:
              listener:
                portNumber: 8080
            patch:
              operation: MERGE
              value:
                connect_timeout: 2s
          - applyTo: NETWORK_FILTER
            match:
              listener:
                filterChain:
                  filter:
                    name: envoy.filters.network.http_connection_manager
                    subFilter:
                      name: envoy.filters.http.router
            patch:
              operation: MERGE
              value:
                name: x
        """,
        "Error [SP0437] (EnvoyFilter istio-config/tune mesh.yaml:9) spec.configPatches[0].match: Envoy filter: applyTo for cluster class objects cannot have non cluster match",
        "Error [SP0437] (EnvoyFilter istio-config/tune mesh.yaml:22) spec.configPatches[1].match.listener.filterChain.filter.subFilter: Envoy filter: subfilter match can be used with applyTo HTTP_FILTER only");
  }

  /** SP0438 */
  @Test
  void aWorkloadEntryAddressIsAnIpOrDomainName() {
    expect(
        """
        apiVersion: networking.istio.io/v1
        kind: WorkloadEntry
        metadata:
          name: vm
          namespace: default
        spec:
          address: "vm_1.example.com"
        """,
        "Error [SP0438] (WorkloadEntry default/vm mesh.yaml:7) spec.address: endpoint address \"vm_1.example.com\" is not a valid FQDN or an IP address");
  }
}
