package dev.sailplan.istio.validation;

import static dev.sailplan.istio.validation.WebhookTesting.expect;
import static dev.sailplan.istio.validation.WebhookTesting.expectAll;

import org.junit.jupiter.api.Test;

/** What istiod's webhook rejects in Telemetry and WasmPlugin beyond the CRD rules. */
class TelemetryAndWasmWebhookTest {
  /** SP0446 */
  @Test
  void aTracingTagHasAName() {
    expect(
        """
        apiVersion: telemetry.istio.io/v1
        kind: Telemetry
        metadata:
          name: tracing
          namespace: istio-system
        spec:
          tracing:
          - providers:
            - name: otel
            customTags:
              "":
                literal:
                  value: prod
        """,
        "Error [SP0446] (Telemetry istio-system/tracing mesh.yaml:11) spec.tracing[0].customTags[]: tag name may not be empty");
  }

  /** SP0447 */
  @Test
  void aWasmEnvironmentVariableIsSetOnce() {
    // The CRD's env is a list keyed by name: its SP0109 comes before the webhook's SP0447.
    expectAll(
        """
        apiVersion: extensions.istio.io/v1alpha1
        kind: WasmPlugin
        metadata:
          name: filter
          namespace: default
        spec:
          url: oci://registry.example.com/filter:1.0
          vmConfig:
            env:
            - name: MODE
              value: strict
            - name: MODE
              value: lax
        """,
        "Error [SP0109] (WasmPlugin default/filter mesh.yaml:12) spec.vmConfig.env[1]: Duplicate value: {\"name\":\"MODE\"}");
  }
}
