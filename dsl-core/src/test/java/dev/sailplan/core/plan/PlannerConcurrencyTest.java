package dev.sailplan.core.plan;

import static dev.sailplan.core.plan.Thing.thing;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** One {@link Planner} shared by many threads plans exactly what it plans alone. */
class PlannerConcurrencyTest {
  private static final int THREADS = 8;
  private static final int CASES = 24;

  private final Planner planner = Planner.of(List.of(new FakeModel()));

  @Test
  void threadsSharingOnePlannerGetTheSequentialPlans() throws Exception {
    List<State[]> cases = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      cases.add(new State[] {mesh(i, 10 + i, false), mesh(i, 10 + i, true)});
    }
    List<List<Stage>> sequential = new ArrayList<>();
    for (State[] c : cases) {
      sequential.add(planner.stages(c[0], c[1]));
    }

    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<List<Stage>>> futures = new ArrayList<>();
      for (int round = 0; round < THREADS; round++) {
        // Each round in another order, so that different cases run side by side.
        for (int i = 0; i < CASES; i++) {
          State[] c = cases.get((i * 7 + round) % CASES);
          Callable<List<Stage>> plan = () -> planner.stages(c[0], c[1]);
          futures.add(pool.submit(plan));
        }
      }
      for (int round = 0; round < THREADS; round++) {
        for (int i = 0; i < CASES; i++) {
          assertEquals(
              sequential.get((i * 7 + round) % CASES),
              futures.get(round * CASES + i).get(1, TimeUnit.MINUTES));
        }
      }
    } finally {
      pool.shutdownNow();
    }
    // The cases are not trivial: a swap takes the three stages of expand, route, contract.
    assertEquals(3, sequential.get(0).size());
  }

  /**
   * {@code services} rules and routes in namespace {@code ns-SEED}; {@code swapped} moves every
   * third service from subset v1 to v2, so its rule passes through an intermediate version.
   */
  private static State mesh(int seed, int services, boolean swapped) {
    List<Thing> out = new ArrayList<>();
    for (int i = 0; i < services; i++) {
      String ref = "ns-" + seed + "/svc-" + i;
      String subset = "subset svc-" + i + "/" + (swapped && i % 3 == 0 ? "v2" : "v1");
      out.add(thing("Rule", ref).provides(subset));
      out.add(thing("Route", ref).requires(subset));
    }
    return State.of(out);
  }
}
