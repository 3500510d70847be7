package dev.sailplan.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.plan.Rollout;
import dev.sailplan.core.plan.Stage;
import dev.sailplan.core.validation.Finding;
import dev.sailplan.core.validation.Validation;
import dev.sailplan.examples.seed.SeedExample;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * What istiod's webhook would say about the examples (SP04xx): nothing, except for the seeds that
 * are kept as the seed writes them although istiod rejects them.
 */
class WebhookFindingsOfTheExamplesTest {
  private static List<String> webhook(List<Resource> resources) {
    return Validation.standard().validate(resources).stream()
        .filter(f -> f.code().startsWith("SP04"))
        .map(Finding::toString)
        .toList();
  }

  @Test
  void onlyTheSeedsIstiodRejectsHaveWebhookFindings() {
    Map<String, List<String>> found = new TreeMap<>();
    for (SeedExample e : SeedExamples.all()) {
      List<String> f = webhook(e.resources());
      if (!f.isEmpty()) {
        found.put(e.name(), f);
      }
    }
    String portless =
        "spec.egress[%d]: sidecar: the egress listener with empty port should be the last"
            + " listener in the list";
    assertEquals(
        Map.of(
            // Several egress listeners without a port, as the seed writes them.
            "003-14-namespace-egress-sidecar",
            List.of(
                "Error [SP0401] (Sidecar production/default-sidecar) " + portless.formatted(0),
                "Error [SP0401] (Sidecar production/default-sidecar) " + portless.formatted(1)),
            "003-15-frontend-sidecar",
            List.of("Error [SP0401] (Sidecar default/frontend-sidecar) " + portless.formatted(0)),
            "003-19-locality-failover",
            List.of(
                "Error [SP0405] (DestinationRule default/locality-lb)"
                    + " spec.trafficPolicy.loadBalancer.localityLbSetting: can not simultaneously"
                    + " specify 'distribute' and 'failover'"),
            // "shared/db-service": istiod wants a fully qualified name after the namespace.
            "003-29-payments-scoped-sidecar",
            List.of(
                "Error [SP0403] (Sidecar payments/default) spec.egress[0].hosts[2]: short names"
                    + " (non FQDN) are not allowed")),
        found);
  }

  @Test
  void thePlansOfTheExampleRolloutsHaveNoWebhookFindings() {
    Map<String, List<String>> found = new TreeMap<>();
    for (Rollout r : ExamplePlans.all()) {
      List<Resource> applied = new ArrayList<>();
      for (Stage s : r.plan().stages()) {
        applied.addAll(s.applies());
      }
      List<String> f = webhook(applied);
      if (!f.isEmpty()) {
        found.put(r.plan().name(), f);
      }
    }
    assertEquals(Map.of(), found);
  }
}
