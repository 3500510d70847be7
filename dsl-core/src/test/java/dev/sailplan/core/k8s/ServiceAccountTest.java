package dev.sailplan.core.k8s;

import static dev.sailplan.core.k8s.TestJson.assertParseFails;
import static dev.sailplan.core.k8s.TestJson.assertRoundTrip;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sailplan.core.meta.ObjectMeta;
import org.junit.jupiter.api.Test;

class ServiceAccountTest {
  @Test
  void refRendersNameAndNamespace() throws Exception {
    ServiceAccount sa = ServiceAccount.ref("bookinfo/bookinfo-reviews");
    assertRoundTrip(
        "{\"apiVersion\":\"v1\",\"kind\":\"ServiceAccount\","
            + "\"metadata\":{\"name\":\"bookinfo-reviews\",\"namespace\":\"bookinfo\"}}",
        sa,
        ServiceAccount.class);
    assertEquals("bookinfo/bookinfo-reviews", sa.qualifiedName());
  }

  @Test
  void everyField() throws Exception {
    ServiceAccount sa =
        ServiceAccount.builder()
            .metadata(ObjectMeta.ref("bookinfo/bookinfo-reviews"))
            .automountServiceAccountToken(false)
            .addSecrets(
                ObjectReference.builder()
                    .apiVersion("v1")
                    .kind("Secret")
                    .namespace("bookinfo")
                    .name("reviews-token")
                    .uid("0b5c1d2e-0000-4000-8000-000000000001")
                    .resourceVersion("4711")
                    .fieldPath("data.token")
                    .build())
            .addSecrets(ObjectReference.named("reviews-extra"))
            .addImagePullSecrets(LocalObjectReference.named("regcred"))
            .build();
    assertRoundTrip(
        "{\"apiVersion\":\"v1\",\"kind\":\"ServiceAccount\","
            + "\"metadata\":{\"name\":\"bookinfo-reviews\",\"namespace\":\"bookinfo\"},"
            + "\"automountServiceAccountToken\":false,"
            + "\"secrets\":[{\"apiVersion\":\"v1\",\"kind\":\"Secret\",\"namespace\":\"bookinfo\","
            + "\"name\":\"reviews-token\",\"uid\":\"0b5c1d2e-0000-4000-8000-000000000001\","
            + "\"resourceVersion\":\"4711\",\"fieldPath\":\"data.token\"},{\"name\":\"reviews-extra\"}],"
            + "\"imagePullSecrets\":[{\"name\":\"regcred\"}]}",
        sa,
        ServiceAccount.class);
  }

  @Test
  void wrongKindIsRejected() {
    assertParseFails(
        "{\"apiVersion\":\"v1\",\"kind\":\"Service\",\"metadata\":{\"name\":\"x\"}}",
        ServiceAccount.class,
        "kind must be ServiceAccount, not Service");
  }

  @Test
  void unknownFieldIsRejected() {
    assertParseFails(
        "{\"apiVersion\":\"v1\",\"kind\":\"ServiceAccount\",\"metadata\":{\"name\":\"x\"},\"spec\":{}}",
        ServiceAccount.class,
        "spec");
  }
}
