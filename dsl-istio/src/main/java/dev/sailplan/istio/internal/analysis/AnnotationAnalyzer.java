package dev.sailplan.istio.internal.analysis;

import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.validation.Analyzer;
import dev.sailplan.core.validation.FieldPath;
import dev.sailplan.core.validation.KubeObject;
import dev.sailplan.core.validation.Level;
import dev.sailplan.core.validation.Mesh;
import dev.sailplan.core.validation.Report;
import dev.sailplan.core.validation.Reports;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The annotations Istio reads from pods: SP3011 (on an object that is not a pod, where Istio never
 * reads it, IST0107), SP3012 (a name in one of Istio's pod annotation families that Istio does not
 * know, usually a typo, IST0108), SP3013 (a deprecated one, IST0135) and SP3020 (a value Istio
 * cannot parse, IST0125). The object annotations Istio reads from one kind only
 * (networking.istio.io/exportTo on Services, kubernetes.io/ingress.class on Ingresses) are SP3011
 * on any other kind.
 */
final class AnnotationAnalyzer implements Analyzer {
  /** The families whose members Istio reads from pods, by prefix. */
  private static final List<String> POD_FAMILIES =
      List.of(
          "sidecar.istio.io/",
          "traffic.sidecar.istio.io/",
          "readiness.status.sidecar.istio.io/",
          "status.sidecar.istio.io/",
          "proxy.istio.io/");

  /** The pod annotations of those families that Istio knows (Istio 1.30's annotation list). */
  private static final Set<String> KNOWN =
      Set.of(
          "sidecar.istio.io/agentLogLevel",
          "sidecar.istio.io/bootstrapOverride",
          "sidecar.istio.io/componentLogLevel",
          "sidecar.istio.io/controlPlaneAuthPolicy",
          "sidecar.istio.io/discoveryAddress",
          "sidecar.istio.io/enableCoreDump",
          "sidecar.istio.io/extraStatTags",
          "sidecar.istio.io/inject",
          "sidecar.istio.io/interceptionMode",
          "sidecar.istio.io/logLevel",
          "sidecar.istio.io/nativeSidecar",
          "sidecar.istio.io/proxyCPU",
          "sidecar.istio.io/proxyCPULimit",
          "sidecar.istio.io/proxyImage",
          "sidecar.istio.io/proxyImageType",
          "sidecar.istio.io/proxyMemory",
          "sidecar.istio.io/proxyMemoryLimit",
          "sidecar.istio.io/rewriteAppHTTPProbers",
          "sidecar.istio.io/statsFlushInterval",
          "sidecar.istio.io/statsHistogramBuckets",
          "sidecar.istio.io/statsInclusionPrefixes",
          "sidecar.istio.io/statsInclusionRegexps",
          "sidecar.istio.io/statsInclusionSuffixes",
          "sidecar.istio.io/status",
          "sidecar.istio.io/userVolume",
          "sidecar.istio.io/userVolumeMount",
          "traffic.sidecar.istio.io/excludeInboundPorts",
          "traffic.sidecar.istio.io/excludeInterfaces",
          "traffic.sidecar.istio.io/excludeOutboundIPRanges",
          "traffic.sidecar.istio.io/excludeOutboundPorts",
          "traffic.sidecar.istio.io/includeInboundPorts",
          "traffic.sidecar.istio.io/includeOutboundIPRanges",
          "traffic.sidecar.istio.io/includeOutboundPorts",
          "traffic.sidecar.istio.io/kubevirtInterfaces",
          "readiness.status.sidecar.istio.io/applicationPorts",
          "readiness.status.sidecar.istio.io/failureThreshold",
          "readiness.status.sidecar.istio.io/initialDelaySeconds",
          "readiness.status.sidecar.istio.io/periodSeconds",
          "status.sidecar.istio.io/port",
          "proxy.istio.io/config",
          "proxy.istio.io/overrides");

  /** Annotations Istio reads from one kind of object other than a pod, by the kind. */
  private static final Map<String, String> OBJECT_ANNOTATIONS =
      Map.of(
          "networking.istio.io/exportTo", "Service",
          "kubernetes.io/ingress.class", "Ingress");

  /** The object annotation family whose members Istio knows all of. */
  private static final String NETWORKING_FAMILY = "networking.istio.io/";

  /** Pod annotations whose value Istio parses as a whole number. */
  private static final Set<String> WHOLE_NUMBERS =
      Set.of(
          "readiness.status.sidecar.istio.io/failureThreshold",
          "readiness.status.sidecar.istio.io/initialDelaySeconds",
          "readiness.status.sidecar.istio.io/periodSeconds",
          "status.sidecar.istio.io/port");

  /** Known annotations Istio deprecated, with what replaces them. */
  private static final Map<String, String> DEPRECATED =
      Map.of(
          "sidecar.istio.io/controlPlaneAuthPolicy", "",
          "sidecar.istio.io/discoveryAddress", " (use proxy.istio.io/config discoveryAddress)",
          "sidecar.istio.io/statsInclusionPrefixes",
              " (use proxy.istio.io/config proxyStatsMatcher)",
          "sidecar.istio.io/statsInclusionRegexps",
              " (use proxy.istio.io/config proxyStatsMatcher)",
          "sidecar.istio.io/statsInclusionSuffixes",
              " (use proxy.istio.io/config proxyStatsMatcher)",
          "traffic.sidecar.istio.io/kubevirtInterfaces",
              " (use istio.io/reroute-virtual-interfaces)");

  @Override
  public void analyze(Mesh mesh, Reports reports) {
    for (Resource r : mesh.resources()) {
      Map<String, String> annotations = r.metadata().annotations();
      if (!annotations.isEmpty()) {
        Report report = reports.on(r);
        // istioctl judges object annotations on Kubernetes' own kinds, not on Istio's
        if (!r.apiVersion().contains(".")) {
          for (String key : annotations.keySet()) {
            objectAnnotation(report, key, r.kind());
          }
        }
        misplaced(report, annotations, r.kind());
      }
    }
    FieldPath own = FieldPath.root().field("metadata").field("annotations");
    for (KubeObject o : mesh.objects()) {
      Report report = reports.on(o);
      for (String key : o.annotations().keySet()) {
        objectAnnotation(report, key, o.kind());
      }
      if (o.kind().equals("Pod")) {
        podAnnotations(report, o.annotations(), own);
        continue;
      }
      misplaced(report, o.annotations(), o.kind());
      if (o.isWorkload()) {
        podAnnotations(report, o.podAnnotations(), template(o.kind()));
      }
    }
  }

  private static void misplaced(Report report, Map<String, String> annotations, String kind) {
    for (String key : annotations.keySet()) {
      if (family(key) && KNOWN.contains(key)) {
        report.add(
            "SP3011",
            "IST0107",
            Level.WARNING,
            FieldPath.root().field("metadata").field("annotations").key(key),
            "",
            key
                + " is read from pods only, not from a "
                + kind
                + ", so it has no effect here; put it on the pod template"
                + " (spec.template.metadata.annotations)");
        deprecated(report, FieldPath.root().field("metadata").field("annotations"), key);
      }
    }
  }

  /**
   * Istio's object annotations: one of the networking family it does not know is a typo (SP3012),
   * and one it reads from another kind has no effect here (SP3011).
   */
  private static void objectAnnotation(Report report, String key, String kind) {
    FieldPath at = FieldPath.root().field("metadata").field("annotations").key(key);
    String owner = OBJECT_ANNOTATIONS.get(key);
    if (owner == null && key.startsWith(NETWORKING_FAMILY)) {
      report.add(
          "SP3012",
          "IST0108",
          Level.WARNING,
          at,
          "",
          "unknown Istio annotation " + key + ": Istio ignores it (a misspelt name?)");
    } else if (owner != null && !owner.equals(kind)) {
      report.add(
          "SP3011",
          "IST0107",
          Level.WARNING,
          at,
          "",
          key + " is read from a " + owner + " only, not from a " + kind + ", so it has no effect");
    }
  }

  private static void deprecated(Report report, FieldPath at, String key) {
    if (DEPRECATED.containsKey(key)) {
      report.add(
          "SP3013",
          "IST0135",
          Level.INFO,
          at.key(key),
          "",
          "annotation "
              + key
              + " is deprecated"
              + DEPRECATED.get(key)
              + " and may not work in future Istio versions");
    }
  }

  private static void podAnnotations(Report report, Map<String, String> annotations, FieldPath at) {
    for (String key : annotations.keySet()) {
      if (!family(key)) {
        continue;
      }
      if (!KNOWN.contains(key)) {
        report.add(
            "SP3012",
            "IST0108",
            Level.WARNING,
            at.key(key),
            "",
            "unknown Istio annotation " + key + ": Istio ignores it (a misspelt name?)");
      } else if (WHOLE_NUMBERS.contains(key) && !wholeNumber(annotations.get(key))) {
        report.add(
            "SP3020",
            "IST0125",
            Level.WARNING,
            at.key(key),
            "",
            key
                + " must be a whole number, not \""
                + annotations.get(key)
                + "\": the sidecar injector cannot use it");
      } else {
        deprecated(report, at, key);
      }
    }
  }

  private static boolean wholeNumber(String value) {
    return !value.isEmpty() && value.length() < 10 && value.chars().allMatch(Character::isDigit);
  }

  private static boolean family(String key) {
    for (String prefix : POD_FAMILIES) {
      if (key.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private static FieldPath template(String kind) {
    FieldPath spec = FieldPath.root().field("spec");
    FieldPath t =
        kind.equals("CronJob")
            ? spec.field("jobTemplate").field("spec").field("template")
            : spec.field("template");
    return t.field("metadata").field("annotations");
  }
}
