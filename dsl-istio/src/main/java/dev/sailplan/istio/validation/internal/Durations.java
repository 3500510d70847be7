package dev.sailplan.istio.validation.internal;

import dev.sailplan.core.validation.FieldPath;
import dev.sailplan.core.value.Duration;
import dev.sailplan.istio.networking.v1.ConnectionPoolSettings;
import dev.sailplan.istio.networking.v1.OutlierDetection;
import java.util.Optional;

/** The durations istiod checks for millisecond precision (SP0422). */
final class Durations {
  private Durations() {}

  static void check(Optional<Duration> d, FieldPath path, Rejections out) {
    d.ifPresent(v -> out.addIfAny("SP0422", path, Values.millis(v)));
  }

  static void outlier(OutlierDetection outlier, FieldPath path, Rejections out) {
    if (outlier != null) {
      check(outlier.interval(), path.field("interval"), out);
      check(outlier.baseEjectionTime(), path.field("baseEjectionTime"), out);
    }
  }

  static void connectionPool(
      Optional<ConnectionPoolSettings> pool, FieldPath path, Rejections out) {
    pool.flatMap(ConnectionPoolSettings::http)
        .ifPresent(h -> check(h.idleTimeout(), path.field("http").field("idleTimeout"), out));
    pool.flatMap(ConnectionPoolSettings::tcp)
        .ifPresent(
            t -> {
              FieldPath tcp = path.field("tcp");
              check(t.connectTimeout(), tcp.field("connectTimeout"), out);
              check(t.idleTimeout(), tcp.field("idleTimeout"), out);
              check(t.maxConnectionDuration(), tcp.field("maxConnectionDuration"), out);
              t.tcpKeepalive()
                  .ifPresent(
                      k -> {
                        check(k.time(), tcp.field("tcpKeepalive").field("time"), out);
                        check(k.interval(), tcp.field("tcpKeepalive").field("interval"), out);
                      });
            });
  }
}
