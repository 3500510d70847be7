package dev.sailplan.istio.internal.analysis;

import dev.sailplan.core.validation.Analyzer;
import dev.sailplan.core.validation.FieldPath;
import dev.sailplan.core.validation.Level;
import dev.sailplan.core.validation.Mesh;
import dev.sailplan.core.validation.Report;
import dev.sailplan.core.validation.Reports;
import dev.sailplan.istio.networking.v1.DestinationRule;
import dev.sailplan.istio.networking.v1.DestinationRuleSpec;
import dev.sailplan.istio.networking.v1.LoadBalancerSettings;
import dev.sailplan.istio.networking.v1.LocalityLoadBalancerSetting;
import dev.sailplan.istio.networking.v1.OutlierDetection;
import dev.sailplan.istio.networking.v1.PortTrafficPolicy;
import dev.sailplan.istio.networking.v1.TrafficPolicy;
import java.util.List;
import java.util.Optional;

/**
 * The rules about a DestinationRule's health checking: locality load balancing without outlier
 * detection (SP1006), the deprecated {@code consecutiveErrors} (SP1007) and ejection that may
 * remove every endpoint (SP1008). Each traffic policy is judged with what it inherits: a subset's
 * or a port's policy takes each setting it does not set from the top-level policy.
 */
final class OutlierRules implements Analyzer {
  @Override
  public void analyze(Mesh mesh, Reports reports) {
    for (DestinationRule dr : mesh.all(DestinationRule.class)) {
      Optional<DestinationRuleSpec> spec = dr.spec();
      if (spec.isEmpty()) {
        continue;
      }
      Report report = reports.on(dr);
      FieldPath root = FieldPath.root().field("spec");
      Optional<TrafficPolicy> top = spec.get().trafficPolicy();
      Optional<OutlierDetection> topOutlier = top.flatMap(TrafficPolicy::outlierDetection);
      if (top.isPresent()) {
        policy(report, top.get(), Optional.empty(), root.field("trafficPolicy"));
      }
      for (int i = 0; i < spec.get().subsets().size(); i++) {
        Optional<TrafficPolicy> own = spec.get().subsets().get(i).trafficPolicy();
        if (own.isPresent()) {
          policy(
              report, own.get(), topOutlier, root.field("subsets").index(i).field("trafficPolicy"));
        }
      }
    }
  }

  private static void policy(
      Report report, TrafficPolicy p, Optional<OutlierDetection> inherited, FieldPath at) {
    Optional<OutlierDetection> outlier = p.outlierDetection().or(() -> inherited);
    check(
        report,
        p.loadBalancer(),
        p.outlierDetection(),
        outlier,
        at.field("loadBalancer"),
        at.field("outlierDetection"));
    List<PortTrafficPolicy> ports = p.portLevelSettings();
    for (int i = 0; i < ports.size(); i++) {
      PortTrafficPolicy port = ports.get(i);
      FieldPath portAt = at.field("portLevelSettings").index(i);
      check(
          report,
          port.loadBalancer(),
          port.outlierDetection(),
          port.outlierDetection().or(() -> outlier),
          portAt.field("loadBalancer"),
          portAt.field("outlierDetection"));
    }
  }

  private static void check(
      Report report,
      Optional<LoadBalancerSettings> lb,
      Optional<OutlierDetection> own,
      Optional<OutlierDetection> effective,
      FieldPath lbAt,
      FieldPath outlierAt) {
    Optional<LocalityLoadBalancerSetting> locality =
        lb.flatMap(LoadBalancerSettings::localityLbSetting);
    if (locality.isPresent()
        && !locality.get().enabled().filter(e -> !e).isPresent()
        && effective.isEmpty()) {
      LocalityLoadBalancerSetting l = locality.get();
      // Weighted distribution alone needs no health; priority and failover do.
      boolean needsHealth =
          !l.failover().isEmpty() || !l.failoverPriority().isEmpty() || l.distribute().isEmpty();
      if (needsHealth) {
        String what =
            l.failover().isEmpty() && l.failoverPriority().isEmpty()
                ? "locality load" + " balancing"
                : "locality failover";
        report.add(
            "SP1006",
            "",
            Level.WARNING,
            lbAt.field("localityLbSetting"),
            "",
            what
                + " without outlierDetection does nothing: no endpoint is ever marked unhealthy,"
                + " so traffic never spills over to another locality; set outlierDetection"
                + " (consecutive5xxErrors, interval, baseEjectionTime)");
      }
    }
    if (own.isEmpty()) {
      return;
    }
    OutlierDetection o = own.get();
    if (o.consecutiveErrors().isPresent()) {
      report.add(
          "SP1007",
          "",
          Level.WARNING,
          outlierAt.field("consecutiveErrors"),
          "",
          "consecutiveErrors is deprecated and counts only 502, 503 and 504 responses; use"
              + " consecutive5xxErrors (every 5xx) or consecutiveGatewayErrors");
    }
    if (o.maxEjectionPercent().orElse(10) == 100 && o.minHealthPercent().orElse(0) == 0) {
      report.add(
          "SP1008",
          "",
          Level.WARNING,
          outlierAt.field("maxEjectionPercent"),
          "",
          "maxEjectionPercent 100 with minHealthPercent "
              + (o.minHealthPercent().isPresent() ? "0" : "unset (0)")
              + " lets outlier detection eject every endpoint: a shared failure becomes a full"
              + " outage; lower maxEjectionPercent or set minHealthPercent");
    }
  }
}
