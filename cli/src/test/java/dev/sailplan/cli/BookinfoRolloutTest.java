package dev.sailplan.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sailplan.testing.plan.MakeBeforeBreakChecker;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rollouts from a current state nobody here wrote: Istio's Bookinfo manifests (Deployments,
 * Services, DestinationRules, VirtualServices), with a circuit breaker, a pool, retries, timeouts,
 * a fault, a mirror and several matches, through the command's in-process entry point.
 */
class BookinfoRolloutTest {
  private static final Path BOOKINFO =
      Path.of("src/test/resources/dev/sailplan/cli/rollout/bookinfo");
  private static final String REVIEWS = "reviews.bookinfo.svc.cluster.local";

  @TempDir Path dir;

  /** Runs the rollout, checks everything that holds for any plan of it, returns the folder. */
  private PlanFolderCheck rollout(String folder, String... args) throws IOException {
    Path out = dir.resolve("plans");
    List<String> all = new ArrayList<>(List.of("rollout"));
    all.addAll(List.of(args));
    all.addAll(List.of("--current", BOOKINFO.toString(), "--host", "reviews"));
    all.addAll(List.of("--out", out.toString()));
    FmtCommandTest.Run r = FmtCommandTest.sailplan(all.toArray(String[]::new));
    assertEquals(0, r.status(), r.err());
    Path written = out.resolve(folder);
    assertEquals(List.of(), MakeBeforeBreakChecker.check(PlanFolderCheck.plan(written)));
    PlanFolderCheck plan = PlanFolderCheck.of(written);
    assertEquals(List.of(), plan.violations);
    RolloutCommandTest.assertOnlyOwnedPathsChange(plan);
    for (Map<String, JsonNode> state : plan.states) {
      assertEquals(List.of(), subsetsWithoutPods(state));
    }
    return plan;
  }

  /**
   * Every reviews subset some route sends traffic to whose pods no Deployment of the state runs:
   * the Deployment must be there before the subset is routed to.
   */
  private static List<String> subsetsWithoutPods(Map<String, JsonNode> state) {
    List<String> out = new ArrayList<>();
    JsonNode rule = state.get("DestinationRule bookinfo/reviews");
    for (JsonNode vs : state.values()) {
      if (!vs.path("kind").asText().equals("VirtualService")) {
        continue;
      }
      for (String d : PlanFolderCheck.destinations(vs)) {
        if (!d.startsWith(REVIEWS + " ") || d.endsWith(" ")) {
          continue;
        }
        String subset = d.substring(d.indexOf(' ') + 1);
        JsonNode labels = null;
        for (JsonNode s : rule.path("spec").path("subsets")) {
          if (s.path("name").asText().equals(subset)) {
            labels = s.path("labels");
          }
        }
        if (labels == null || !runs(state, labels)) {
          out.add(PlanFolderCheck.key(vs) + " routes to " + subset + " that nothing runs");
        }
      }
    }
    return out;
  }

  private static boolean runs(Map<String, JsonNode> state, JsonNode labels) {
    for (JsonNode t : state.values()) {
      JsonNode pods = t.path("spec").path("template").path("metadata").path("labels");
      if (!t.path("kind").asText().equals("Deployment")
          || !t.path("metadata").path("namespace").asText().equals("bookinfo")) {
        continue;
      }
      boolean all = true;
      for (var e : labels.properties()) {
        all &= pods.path(e.getKey()).asText("").equals(e.getValue().asText());
      }
      if (all) {
        return true;
      }
    }
    return false;
  }

  private static List<String> reviewsDestinations(Map<String, JsonNode> state) {
    List<String> out = new ArrayList<>();
    state.values().stream()
        .filter(t -> t.path("kind").asText().equals("VirtualService"))
        .forEach(
            vs ->
                PlanFolderCheck.destinations(vs).stream()
                    .filter(d -> d.startsWith(REVIEWS))
                    .forEach(out::add));
    return out;
  }

  private static List<String> subsets(Map<String, JsonNode> state) {
    List<String> out = new ArrayList<>();
    state
        .get("DestinationRule bookinfo/reviews")
        .path("spec")
        .path("subsets")
        .forEach(s -> out.add(s.path("name").asText()));
    return out;
  }

  @Test
  void aCanaryOfBookinfoReviewsEndsOnTheNewVersionAlone() throws IOException {
    PlanFolderCheck plan =
        rollout(
            "reviews-canary", "canary", "--stable", "v1", "--canary", "v3", "--steps", "20,50,100");
    Map<String, JsonNode> last = plan.last();
    assertEquals(
        List.of(REVIEWS + " v3", REVIEWS + " v3", REVIEWS + " v3"), reviewsDestinations(last));
    assertEquals(List.of("v2", "v3"), subsets(last));
    // The circuit breaker and pool survive every stage (checked above) and the end.
    assertEquals(
        plan.states
            .get(0)
            .get("DestinationRule bookinfo/reviews")
            .path("spec")
            .path("trafficPolicy"),
        last.get("DestinationRule bookinfo/reviews").path("spec").path("trafficPolicy"));
    // The ratings route the slow path splits off keeps its share.
    assertTrue(
        PlanFolderCheck.destinations(last.get("VirtualService bookinfo/reviews"))
            .contains("ratings.bookinfo.svc.cluster.local "));
  }

  @Test
  void aFinishedBlueGreenSwitchOfBookinfoReviewsEndsOnTheNewVersionAlone() throws IOException {
    PlanFolderCheck plan =
        rollout("reviews-blue-green", "blue-green", "--from", "v1", "--to", "v3", "--finish");
    Map<String, JsonNode> last = plan.last();
    assertEquals(
        List.of(REVIEWS + " v3", REVIEWS + " v3", REVIEWS + " v3"), reviewsDestinations(last));
    assertEquals(List.of("v2", "v3"), subsets(last));
    // Without --finish the old subset stays defined, for switching back.
    PlanFolderCheck kept =
        rollout(
            "reviews-switch",
            "blue-green",
            "--from",
            "v1",
            "--to",
            "v3",
            "--name",
            "reviews-switch");
    assertEquals(List.of("v1", "v2", "v3"), subsets(kept.last()));
    assertEquals(
        List.of(REVIEWS + " v3", REVIEWS + " v3", REVIEWS + " v3"),
        reviewsDestinations(kept.last()));
  }
}
