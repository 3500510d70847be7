/**
 * Sailplan's test kit, for users' tests in test scope: AssertJ assertions on resources, Istio
 * objects and plans ({@code dev.sailplan.testing.SailplanAssertions}), the independent
 * make-before-break checker ({@code dev.sailplan.testing.plan}) and ApprovalTests snapshots of
 * canonical YAML ({@code dev.sailplan.testing.Snapshots}).
 *
 * <p>Every package is public API except {@code dev.sailplan.testing.internal}.
 */
module dev.sailplan.testing {
  requires transitive dev.sailplan.core;
  requires transitive dev.sailplan.istio;
  requires transitive dev.sailplan.gatewayapi;
  requires transitive org.assertj.core;
  requires transitive org.junit.jupiter.api;
  requires org.yaml.snakeyaml;
  // ApprovalTests ships no module descriptor: its jar's file name names it.
  requires approvaltests;
  requires approvaltests.util;

  exports dev.sailplan.testing;
  exports dev.sailplan.testing.plan;
}
