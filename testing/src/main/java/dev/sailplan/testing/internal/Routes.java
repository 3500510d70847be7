package dev.sailplan.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sailplan.core.Manifests;
import dev.sailplan.core.meta.Resource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where a VirtualService sends the requests of one host that no match picks out: the first HTTP
 * route without a {@code match} (Istio tries routes in order, and a route without one takes every
 * request that reaches it), read off the manifest's tree.
 */
public final class Routes {
  private static final String SUFFIX = ".svc.cluster.local";

  private Routes() {}

  /**
   * The default HTTP route of a VirtualService toward a host.
   *
   * @param index the route's index in {@code spec.http}
   * @param weights the percentage of requests each subset of the host gets, in the order of the
   *     destinations ({@code ""} for a destination without a subset); other hosts' destinations are
   *     left out
   */
  public record DefaultRoute(int index, Map<String, Integer> weights) {
    /** The route's field path, e.g. {@code spec.http[1]}. */
    public String path() {
      return "spec.http[" + index + "]";
    }

    /** The percentage a subset gets, 0 when the route does not name it. */
    public int weightOf(String subset) {
      return weights.getOrDefault(subset, 0);
    }

    /** The weights as {@code v1: 90%, v2: 10%}, or {@code nothing} when the host gets none. */
    public String describe() {
      if (weights.isEmpty()) {
        return "nothing";
      }
      List<String> parts = new ArrayList<>();
      weights.forEach((s, w) -> parts.add((s.isEmpty() ? "(no subset)" : s) + ": " + w + "%"));
      return String.join(", ", parts);
    }
  }

  /**
   * The default route toward a host: the first HTTP route without a match that has a destination of
   * that host, else the first without a match at all (which then sends the host nothing).
   */
  public static Optional<DefaultRoute> defaultRoute(Resource virtualService, String host) {
    JsonNode tree = Manifests.toTree(virtualService);
    String ns = virtualService.metadata().namespace().orElse("");
    String want = fqdn(host, ns);
    JsonNode http = tree.path("spec").path("http");
    Optional<DefaultRoute> firstCatchAll = Optional.empty();
    for (int i = 0; i < http.size(); i++) {
      JsonNode route = http.get(i);
      if (!route.path("match").isEmpty()) {
        continue;
      }
      JsonNode destinations = route.path("route");
      Map<String, Integer> weights = new LinkedHashMap<>();
      for (JsonNode d : destinations) {
        JsonNode dest = d.path("destination");
        if (fqdn(dest.path("host").asText(), ns).equals(want)) {
          // One destination without a weight takes everything; among several, an absent weight
          // is 0 (Istio requires the weights to add up to 100).
          int weight = d.path("weight").asInt(destinations.size() == 1 ? 100 : 0);
          weights.merge(dest.path("subset").asText(""), weight, Integer::sum);
        }
      }
      if (!weights.isEmpty()) {
        return Optional.of(new DefaultRoute(i, weights));
      }
      if (firstCatchAll.isEmpty()) {
        firstCatchAll = Optional.of(new DefaultRoute(i, weights));
      }
    }
    return firstCatchAll;
  }

  /** A host as the proxy resolves it: a short name is a Service in the object's namespace. */
  public static String fqdn(String host, String namespace) {
    return host.contains(".") || host.equals("*")
        ? host
        : host + "." + (namespace.isEmpty() ? "default" : namespace) + SUFFIX;
  }

  /** The object as findings name it: {@code Kind namespace/name}. */
  public static String describe(Resource r) {
    String ns = r.metadata().namespace().orElse("");
    String name = r.metadata().name().orElse("");
    return r.kind() + " " + (ns.isEmpty() ? name : ns + "/" + name);
  }
}
