package com.example.bookinfo;

import dev.sailplan.core.Manifests;
import dev.sailplan.core.PlanSource;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.plan.Plan;
import dev.sailplan.istio.rollout.CanaryRollout;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The canary of reviews v2, from what runs now ({@code reviews-live.yaml}, as {@code kubectl get
 * dr,vs -n bookinfo -o yaml} shows it): testers with {@code x-canary: true} reach v2 at once,
 * everyone else in steps of 10, 50 and 100 percent.
 */
public final class ReviewsCanary implements PlanSource {
  /** The state the rollout starts from, kept beside this class. */
  static final String LIVE = "reviews-live.yaml";

  /** Rendered by sailplan-maven-plugin through this constructor. */
  public ReviewsCanary() {}

  /** The objects running now. */
  static List<Resource> live() {
    try (InputStream in = ReviewsCanary.class.getResourceAsStream(LIVE)) {
      if (in == null) {
        throw new IllegalStateException(LIVE + " is missing beside " + ReviewsCanary.class);
      }
      return Manifests.parseUnique(new String(in.readAllBytes(), StandardCharsets.UTF_8), LIVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The rollout. */
  static CanaryRollout rollout() {
    return CanaryRollout.of(BookinfoMesh.NAMESPACE + "/reviews")
        .stable("v1")
        .canary("v2")
        .steps(10, 50, 100)
        .headerOverride("x-canary", "true")
        .from(live())
        .build();
  }

  @Override
  public List<Plan> plans() {
    return List.of(rollout().plan());
  }
}
