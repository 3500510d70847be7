package dev.sailplan.core.k8s;

import static dev.sailplan.core.k8s.TestJson.assertParseFails;
import static dev.sailplan.core.k8s.TestJson.assertRoundTrip;
import static dev.sailplan.core.k8s.TestJson.read;
import static dev.sailplan.core.k8s.TestJson.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sailplan.core.meta.ObjectMeta;
import org.junit.jupiter.api.Test;

class NamespaceTest {
  @Test
  void namedRendersIdentityAndName() throws Exception {
    Namespace ns = Namespace.named("bookinfo");
    assertRoundTrip(
        "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"bookinfo\"}}",
        ns,
        Namespace.class);
    assertEquals("bookinfo", ns.qualifiedName());
    assertEquals("", ns.group());
    assertFalse(ns.spec().isPresent());
  }

  @Test
  void labelsSortedThenSpecFinalizers() throws Exception {
    Namespace ns =
        Namespace.builder()
            .metadata(
                ObjectMeta.builder()
                    .name("bookinfo")
                    .putLabels("istio.io/rev", "stable")
                    .putLabels("istio-injection", "enabled")
                    .build())
            .spec(NamespaceSpec.builder().addFinalizers("kubernetes").build())
            .build();
    assertRoundTrip(
        "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\","
            + "\"metadata\":{\"name\":\"bookinfo\",\"labels\":{\"istio-injection\":\"enabled\",\"istio.io/rev\":\"stable\"}},"
            + "\"spec\":{\"finalizers\":[\"kubernetes\"]}}",
        ns,
        Namespace.class);
  }

  @Test
  void statusFromClusterIsKeptAsTree() throws Exception {
    String json =
        "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"istio-system\"},"
            + "\"spec\":{\"finalizers\":[\"kubernetes\"]},\"status\":{\"phase\":\"Active\"}}";
    Namespace ns = read(json, Namespace.class);
    assertEquals("Active", ns.status().orElseThrow().get("phase").asText());
    assertEquals(json, write(ns));
  }

  @Test
  void wrongKindIsRejected() {
    assertParseFails(
        "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",\"metadata\":{\"name\":\"x\"}}",
        Namespace.class,
        "kind must be Namespace, not Pod");
  }

  @Test
  void wrongApiVersionIsRejected() {
    assertParseFails(
        "{\"apiVersion\":\"v2\",\"kind\":\"Namespace\",\"metadata\":{\"name\":\"x\"}}",
        Namespace.class,
        "apiVersion v2 is not one of [v1]");
  }

  @Test
  void builderRejectsWrongKindToo() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () -> Namespace.builder().metadata(ObjectMeta.named("x")).kind("Service").build());
    assertTrue(e.getMessage().contains("kind must be Namespace, not Service"), e.getMessage());
  }

  @Test
  void metadataIsRequired() {
    assertParseFails(
        "{\"apiVersion\":\"v1\",\"kind\":\"Namespace\"}", Namespace.class, "not set [metadata]");
  }
}
