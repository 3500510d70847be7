package dev.sailplan.istio.validation.internal;

import dev.sailplan.core.validation.FieldPath;
import dev.sailplan.istio.networking.v1.ConnectionPoolSettings;
import dev.sailplan.istio.networking.v1.ConsistentHashLB;
import dev.sailplan.istio.networking.v1.H2UpgradePolicy;
import dev.sailplan.istio.networking.v1.OutlierDetection;
import dev.sailplan.istio.networking.v1.PortTrafficPolicy;
import dev.sailplan.istio.networking.v1.TrafficPolicy;
import java.util.Optional;

/**
 * What istiod rejects in the settings of a traffic policy: parts without a field (SP0449), and
 * settings that contradict each other or that Envoy cannot take (SP0450).
 */
final class TrafficPolicyRules {
  private static final long MAGLEV_LIMIT = 5_000_011L;

  private TrafficPolicyRules() {}

  static void check(TrafficPolicy p, FieldPath path, Rejections out) {
    boolean any =
        p.outlierDetection().isPresent()
            || p.connectionPool().isPresent()
            || p.loadBalancer().isPresent()
            || p.tls().isPresent()
            || !p.portLevelSettings().isEmpty()
            || p.tunnel().isPresent()
            || p.proxyProtocol().isPresent()
            || p.retryBudget().isPresent();
    if (!any) {
      out.add("SP0449", path, "traffic policy must have at least one field");
      return;
    }
    if (p.tunnel().isPresent() && p.proxyProtocol().isPresent()) {
      out.add("SP0450", path, "tunnel and proxyProtocol must not be set together");
      return;
    }
    settings(
        p.outlierDetection(),
        p.connectionPool(),
        p.loadBalancer().flatMap(l -> l.consistentHash()),
        path,
        out);
    p.tunnel()
        .flatMap(t -> t.protocol())
        .filter(t -> !t.isEmpty() && !t.equals("CONNECT") && !t.equals("POST"))
        .ifPresent(
            t ->
                out.add(
                    "SP0450",
                    path.field("tunnel").field("protocol"),
                    "tunnel protocol must be \"CONNECT\" or \"POST\""));
    for (int i = 0; i < p.portLevelSettings().size(); i++) {
      PortTrafficPolicy port = p.portLevelSettings().get(i);
      FieldPath at = path.field("portLevelSettings").index(i);
      if (port.port().isEmpty()) {
        out.add("SP0449", at, "portTrafficPolicy must have valid port");
      }
      if (port.outlierDetection().isEmpty()
          && port.connectionPool().isEmpty()
          && port.loadBalancer().isEmpty()
          && port.tls().isEmpty()) {
        out.add("SP0449", at, "port traffic policy must have at least one field");
      } else {
        settings(
            port.outlierDetection(),
            port.connectionPool(),
            port.loadBalancer().flatMap(l -> l.consistentHash()),
            at,
            out);
      }
    }
  }

  private static void settings(
      Optional<OutlierDetection> outlier,
      Optional<ConnectionPoolSettings> pool,
      Optional<ConsistentHashLB> hash,
      FieldPath path,
      Rejections out) {
    outlier.ifPresent(o -> outlier(o, path.field("outlierDetection"), out));
    pool.ifPresent(c -> pool(c, path.field("connectionPool"), out));
    hash.ifPresent(h -> hash(h, path.field("loadBalancer").field("consistentHash"), out));
  }

  private static void outlier(OutlierDetection o, FieldPath path, Rejections out) {
    if (!o.splitExternalLocalOriginErrors().orElse(false)
        && o.consecutiveLocalOriginFailures().orElse(0) > 0) {
      out.add(
          "SP0450",
          path.field("consecutiveLocalOriginFailures"),
          "outlier detection consecutive local origin failures is specified, but split external"
              + " local origin errors is set to false");
    }
    percent(o.maxEjectionPercent().orElse(0), path.field("maxEjectionPercent"), out);
    percent(o.minHealthPercent().orElse(0), path.field("minHealthPercent"), out);
  }

  private static void percent(int value, FieldPath path, Rejections out) {
    if (value < 0 || value > 100) {
      out.add("SP0450", path, "percentage " + value + " is not in range 0..100");
    }
  }

  private static void pool(ConnectionPoolSettings c, FieldPath path, Rejections out) {
    if (c.http().isEmpty() && c.tcp().isEmpty()) {
      out.add("SP0449", path, "connection pool must have at least one field");
      return;
    }
    c.http()
        .filter(
            h ->
                h.h2UpgradePolicy().orElse(H2UpgradePolicy.DEFAULT) == H2UpgradePolicy.UPGRADE
                    && h.useClientProtocol().orElse(false))
        .ifPresent(
            h ->
                out.add(
                    "SP0450",
                    path.field("http"),
                    "use client protocol must not be true when H2UpgradePolicy is UPGRADE"));
  }

  private static void hash(ConsistentHashLB h, FieldPath path, Rejections out) {
    boolean algorithm = h.maglev().isPresent() || h.ringHash().isPresent();
    if (h.minimumRingSize().orElse(0) != 0 && algorithm) {
      out.add("SP0450", path, "only one of MinimumRingSize or Maglev/Ringhash can be specified");
    }
    h.maglev()
        .ifPresent(
            m -> {
              long size = m.tableSize().orElse(0);
              FieldPath at = path.field("maglev").field("tableSize");
              if (size == 0) {
                out.add("SP0450", at, "tableSize must be set for maglev");
              }
              if (size >= MAGLEV_LIMIT) {
                out.add("SP0450", at, "tableSize must be less than 5000011 for maglev");
              }
              if (!isPrime(size)) {
                out.add("SP0450", at, "tableSize must be a prime number for maglev");
              }
            });
  }

  /** As Envoy decides it: 1, 2 and 3 count as prime. */
  private static boolean isPrime(long x) {
    if (x != 0 && x < 4) {
      return true;
    }
    if (x % 2 == 0) {
      return false;
    }
    for (long f = 3; f * f <= x; f += 2) {
      if (x % f == 0) {
        return false;
      }
    }
    return true;
  }
}
