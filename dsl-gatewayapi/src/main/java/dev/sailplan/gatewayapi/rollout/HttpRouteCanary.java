package dev.sailplan.gatewayapi.rollout;

import static dev.sailplan.gatewayapi.GatewayApi.backend;
import static dev.sailplan.gatewayapi.GatewayApi.httpRoute;
import static dev.sailplan.gatewayapi.GatewayApi.parent;

import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.plan.Barrier;
import dev.sailplan.core.plan.Planner;
import dev.sailplan.core.plan.Rollout;
import dev.sailplan.core.plan.State;
import dev.sailplan.core.rollout.StepWeights;
import dev.sailplan.core.rollout.SteppedRollout;
import dev.sailplan.core.value.ResourceNames;
import dev.sailplan.gatewayapi.v1.HTTPRoute;
import dev.sailplan.gatewayapi.v1.HTTPRouteRule;
import dev.sailplan.gatewayapi.v1.HTTPRouteSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * A canary rollout on one Gateway API HTTPRoute between two Services: the route's single rule
 * shifts weight from the stable backend to the canary backend step by step (a gate after each); at
 * 100% only the canary backend is left, so the last shift ends the rollout.
 *
 * <pre>{@code
 * HttpRouteCanary canary = HttpRouteCanary.of("web/api")
 *     .parent("istio-ingress/public")
 *     .stable("api-v1", 8080)
 *     .canary("api-v2", 8080)   // without parent, stable and canary there is no build(): it does not compile
 *     .hostnames("api.example.com")
 *     .steps(10, 50, 100)
 *     .build();
 * Plan plan = canary.plan();                  // shift-10, shift-50, shift-100
 * Plan back = canary.rollbackFrom("shift-50").plan();  // from shift-50 back to api-v1 only
 * }</pre>
 *
 * <p>Both Services live in the route's namespace; the parent Gateway may live elsewhere (its
 * listeners must allow routes from the route's namespace).
 */
public final class HttpRouteCanary extends SteppedRollout {

  private final String namespace;
  private final String route;
  private final String parentRef;
  private final Backend stable;
  private final Backend canary;
  private final List<String> hostnames;
  private final List<Integer> weights;
  private final Optional<RouteObjects> objects;

  private HttpRouteCanary(Builder b) {
    super(b, b.route + "-canary");
    this.namespace = b.namespace;
    this.route = b.route;
    this.parentRef = b.parentRef;
    this.stable = b.stable;
    this.canary = b.canary;
    this.hostnames = List.copyOf(b.hostnames);
    this.weights = b.weights;
    this.objects =
        b.current == null
            ? Optional.empty()
            : RouteObjects.find(
                b.current, b.namespace, b.route, b.stable.service(), b.stable.port());
  }

  /** Starts a canary rollout on the HTTPRoute {@code namespace/name}. */
  public static ParentStep of(String routeRef) {
    String[] parts = routeRef == null ? new String[0] : routeRef.split("/", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException("route '" + routeRef + "' must be namespace/name");
    }
    ResourceNames.label("route namespace", parts[0]);
    ResourceNames.subdomain("route name", parts[1]);
    return new Builder(parts[0], parts[1]);
  }

  /** The first required part: the Gateway the route attaches to. */
  public interface ParentStep {
    /**
     * The parent Gateway, {@code namespace/name} or a bare {@code name} in the route's namespace.
     */
    StableStep parent(String gatewayRef);
  }

  /** The second required part: the Service serving traffic now. */
  public interface StableStep {
    /** The stable backend, e.g. {@code stable("api-v1", 8080)}. */
    CanaryStep stable(String service, int port);
  }

  /** The third required part: the Service being rolled out. */
  public interface CanaryStep {
    /** The canary backend, e.g. {@code canary("api-v2", 8080)}. */
    Options canary(String service, int port);
  }

  /** Optional parts, then {@link #build()}. */
  public interface Options {
    /**
     * The hostnames the route matches. Default: none (every hostname of the parent's listeners).
     */
    Options hostnames(String... hostnames);

    /**
     * Starts from the objects running now: when they hold the route, only the backendRefs and
     * weights of its rules that send traffic to the stable backend change; matches, filters,
     * timeouts, parentRefs, hostnames and other rules stay as they are (the parent and hostnames
     * given here are for a route the rollout creates).
     */
    Options from(Collection<? extends Resource> current);

    /**
     * The canary's share of traffic at each step, strictly increasing, within 1..100, ending at
     * 100. Default: 10, 25, 50, 100.
     */
    Options steps(int... percentages);

    /** The plan's name. Default: {@code <route>-canary}. */
    Options name(String planName);

    /**
     * The rollout, checked.
     *
     * @throws IllegalArgumentException naming what is wrong: equal backends, bad ports, bad
     *     weights, bad names
     */
    HttpRouteCanary build();
  }

  /** A Service and port. */
  private record Backend(String service, int port) {
    @Override
    public String toString() {
      return service + ":" + port;
    }
  }

  private static final class Builder extends SteppedRollout.Builder<Options>
      implements ParentStep, StableStep, CanaryStep, Options {
    private final String namespace;
    private final String route;
    private String parentRef;
    private Backend stable;
    private Backend canary;
    private List<String> hostnames = List.of();
    private List<Integer> weights = StepWeights.DEFAULT;
    private List<Resource> current;

    Builder(String namespace, String route) {
      super(Options.class);
      this.namespace = namespace;
      this.route = route;
    }

    @Override
    public StableStep parent(String gatewayRef) {
      this.parentRef = gatewayRef;
      return this;
    }

    @Override
    public CanaryStep stable(String service, int port) {
      this.stable = new Backend(service, port);
      return this;
    }

    @Override
    public Options canary(String service, int port) {
      this.canary = new Backend(service, port);
      return this;
    }

    @Override
    public Options hostnames(String... names) {
      this.hostnames = new ArrayList<>(Arrays.asList(names));
      return this;
    }

    @Override
    public Options from(Collection<? extends Resource> objects) {
      this.current = List.copyOf(objects);
      return this;
    }

    @Override
    public Options steps(int... percentages) {
      this.weights = StepWeights.of(percentages);
      return this;
    }

    @Override
    public HttpRouteCanary build() {
      String[] gw = parentRef == null ? new String[0] : parentRef.split("/", -1);
      if (gw.length == 2) {
        ResourceNames.label("parent namespace", gw[0]);
        ResourceNames.subdomain("parent name", gw[1]);
      } else if (gw.length == 1) {
        ResourceNames.subdomain("parent name", gw[0]);
      } else {
        throw new IllegalArgumentException(
            "parent '" + parentRef + "' must be namespace/name or name");
      }
      backend("stable", stable);
      backend("canary", canary);
      if (stable.equals(canary)) {
        throw new IllegalArgumentException("stable and canary are the same backend " + stable);
      }
      for (String h : hostnames) {
        ResourceNames.host("hostname", h);
      }
      if (hostnames.size() != hostnames.stream().distinct().count()) {
        throw new IllegalArgumentException("hostnames " + hostnames + " name one host twice");
      }
      StepWeights.check(weights);
      return new HttpRouteCanary(this);
    }

    private static void backend(String what, Backend b) {
      ResourceNames.label(what + " service", b.service());
      if (b.port() < 1 || b.port() > 65535) {
        throw new IllegalArgumentException(what + " port " + b.port() + " is outside 1..65535");
      }
    }
  }

  /** Before the rollout: the route sends everything to the stable backend. */
  @Override
  public State current() {
    return State.of(objects.map(RouteObjects::current).orElseGet(() -> route(0)));
  }

  /** {@code shift-N} for each step weight, a gate after each but the last. */
  @Override
  public List<Planner.Target> targets() {
    List<Planner.Target> out = new ArrayList<>();
    for (int w : weights) {
      out.add(
          new Planner.Target(
              StepWeights.stepName(w), State.of(route(w)), w < 100 ? Barrier.GATE : Barrier.NONE));
    }
    return out;
  }

  /**
   * A rollout from the state after the step {@code stepName} (one of {@link #stepNames()}: {@code
   * shift-10}, …, {@code shift-100}) back to the stable backend alone ({@code return-to-<stable
   * service>}).
   *
   * @throws IllegalArgumentException when there is no such step, naming the steps there are
   */
  public Rollout rollbackFrom(String stepName) {
    return rollbackFromStep(
        stepName,
        List.of(new Planner.Target("return-to-" + stable.service(), current(), Barrier.NONE)));
  }

  /** The route giving the canary {@code canaryWeight} percent. */
  private HTTPRoute route(int canaryWeight) {
    if (objects.isPresent()) {
      return objects.get().at(canary.service(), canary.port(), canaryWeight);
    }
    HTTPRouteRule rule =
        HTTPRouteRule.builder()
            .addAllBackendRefs(
                StepWeights.split(
                    canaryWeight,
                    stable,
                    canary,
                    b -> backend(b.service(), b.port()),
                    (b, w) -> backend(b.service(), b.port()).withWeight(w)))
            .build();
    return httpRoute(
        namespace + "/" + route,
        HTTPRouteSpec.builder()
            .addParentRefs(parent(parentRef))
            .addAllHostnames(hostnames)
            .addRules(rule)
            .build());
  }
}
