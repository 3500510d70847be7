package dev.sailplan.core;

import dev.sailplan.core.meta.Resource;
import java.util.Collection;

/**
 * Manifests written in Java, for a build to render: the {@code render} goal of {@code
 * sailplan-maven-plugin} instantiates each configured class through its public no-arg constructor,
 * validates everything {@link #manifests()} returns and writes it as canonical YAML.
 *
 * <pre>{@code
 * public final class ReviewsMesh implements ManifestSource {
 *   @Override
 *   public List<Resource> manifests() {
 *     return List.of(
 *         destinationRule("bookinfo/reviews", DestinationRuleSpec.builder()
 *             .host("reviews")
 *             .addSubsets(subset("v1", "version", "v1"))
 *             .build()),
 *         virtualService("bookinfo/reviews", VirtualServiceSpec.builder()
 *             .addHosts("reviews")
 *             .addHttp(HTTPRoute.builder().addRoute(routeTo("reviews", "v1")).build())
 *             .build()));
 *   }
 * }
 * }</pre>
 *
 * <p>An implementation should return the same objects on every call and read nothing from the
 * environment (time, host, random numbers), so that a build renders the same bytes everywhere.
 *
 * @see PlanSource
 */
@FunctionalInterface
public interface ManifestSource {
  /** The resources to render, in any order (the renderer sorts them). */
  Collection<? extends Resource> manifests();
}
