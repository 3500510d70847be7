package dev.sailplan.core.internal;

import dev.sailplan.core.kind.KindInfo;
import dev.sailplan.core.kind.KindRegistry;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * Sorts an apiVersion and kind into what validation does with it: a kind Sailplan models, an
 * unknown kind or version of a group it models (an error), a Kubernetes kind it reads generically,
 * or a kind of some other group (skipped).
 */
public final class KindFamilies {
  /** The groups of the Kubernetes API server itself, whose other kinds are read generically. */
  private static final Set<String> KUBERNETES =
      Set.of(
          "",
          "admissionregistration.k8s.io",
          "apiextensions.k8s.io",
          "apiregistration.k8s.io",
          "apps",
          "authentication.k8s.io",
          "authorization.k8s.io",
          "autoscaling",
          "batch",
          "certificates.k8s.io",
          "coordination.k8s.io",
          "discovery.k8s.io",
          "events.k8s.io",
          "flowcontrol.apiserver.k8s.io",
          "networking.k8s.io",
          "node.k8s.io",
          "policy",
          "rbac.authorization.k8s.io",
          "resource.k8s.io",
          "scheduling.k8s.io",
          "storage.k8s.io");

  /** What an apiVersion and kind are. */
  public enum Family {
    /** Sailplan models it. */
    MODELLED,
    /** A group Sailplan models, but not this kind or version. */
    UNKNOWN,
    /** A Kubernetes kind Sailplan does not model. */
    GENERIC,
    /** A group Sailplan does not model. */
    FOREIGN
  }

  /**
   * The family, and for {@link Family#MODELLED} the kind, for {@link Family#UNKNOWN} the parser's
   * message.
   */
  public record Kind(Family family, Optional<KindInfo> info, String message) {}

  private final KindRegistry registry;
  private final Set<String> modelledGroups = new HashSet<>();

  /** Families as {@code registry} knows its kinds. */
  public KindFamilies(KindRegistry registry) {
    this.registry = registry;
    for (KindInfo k : registry.kinds()) {
      if (!KUBERNETES.contains(k.group())) {
        modelledGroups.add(k.group());
      }
    }
  }

  /** The group of an apiVersion: what comes before the slash, empty for the core group. */
  public static String group(String apiVersion) {
    int slash = apiVersion.indexOf('/');
    return slash < 0 ? "" : apiVersion.substring(0, slash);
  }

  /**
   * An Istio API group. Not install.istio.io: its IstioOperator is istioctl's input, not an object
   * the API server stores, so it is skipped like any foreign kind.
   */
  private static boolean isIstioApi(String group) {
    return group.endsWith(".istio.io") && !group.equals("install.istio.io");
  }

  /** The family of {@code apiVersion} and {@code kind}. */
  public Kind classify(String apiVersion, String kind) {
    Optional<KindInfo> info = registry.find(apiVersion, kind);
    if (info.isPresent()) {
      return new Kind(Family.MODELLED, info, "");
    }
    String group = group(apiVersion);
    String unknown = ManifestParser.unknownKind(registry, apiVersion, kind);
    if (modelledGroups.contains(group) || isIstioApi(group)) {
      return new Kind(Family.UNKNOWN, Optional.empty(), unknown);
    }
    if (KUBERNETES.contains(group)) {
      // A kind Sailplan models, written with a version it does not know, is a mistake to report.
      boolean modelledKind =
          registry.kinds().stream().anyMatch(k -> k.kind().equals(kind) && k.group().equals(group));
      return modelledKind
          ? new Kind(Family.UNKNOWN, Optional.empty(), unknown)
          : new Kind(Family.GENERIC, Optional.empty(), "");
    }
    return new Kind(Family.FOREIGN, Optional.empty(), "");
  }
}
