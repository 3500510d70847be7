package dev.sailplan.istio.validation.internal;

import dev.sailplan.core.validation.FieldPath;
import dev.sailplan.istio.networking.v1.ClientTLSMode;
import dev.sailplan.istio.networking.v1.ClientTLSSettings;
import dev.sailplan.istio.networking.v1.DestinationRule;
import dev.sailplan.istio.networking.v1.DestinationRuleSpec;
import dev.sailplan.istio.networking.v1.Distribute;
import dev.sailplan.istio.networking.v1.Failover;
import dev.sailplan.istio.networking.v1.LoadBalancerSettings;
import dev.sailplan.istio.networking.v1.LocalityLoadBalancerSetting;
import dev.sailplan.istio.networking.v1.OutlierDetection;
import dev.sailplan.istio.networking.v1.PortTrafficPolicy;
import dev.sailplan.istio.networking.v1.TrafficPolicy;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What istiod's {@code ValidateDestinationRule} rejects. */
public final class DestinationRuleRules {
  private static final Set<String> TOPOLOGY =
      Set.of(
          "topology.kubernetes.io/region",
          "topology.kubernetes.io/zone",
          "topology.istio.io/subzone");

  private DestinationRuleRules() {}

  /** Checks {@code rule}. */
  public static void check(DestinationRule rule, Rejections out) {
    if (rule.spec().isEmpty()) {
      return;
    }
    DestinationRuleSpec spec = rule.spec().get();
    FieldPath path = FieldPath.root().field("spec");
    out.addIfAny("SP0421", path.field("host"), Names.wildcardDomain(spec.host()));
    spec.trafficPolicy().ifPresent(p -> policy(p, path.field("trafficPolicy"), out));
    ExportTo.check(
        spec.exportTo(),
        rule.metadata().namespace().orElse(""),
        false,
        spec.workloadSelector().isPresent(),
        path.field("exportTo"),
        out);
    Set<String> names = new HashSet<>();
    for (int i = 0; i < spec.subsets().size(); i++) {
      FieldPath subset = path.field("subsets").index(i);
      String name = spec.subsets().get(i).name();
      out.addIfAny("SP0441", subset.field("name"), subsetName(name));
      if (!names.add(name)) {
        out.add("SP0408", subset.field("name"), "duplicate subset names: " + name);
      }
      spec.subsets()
          .get(i)
          .trafficPolicy()
          .ifPresent(p -> policy(p, subset.field("trafficPolicy"), out));
    }
  }

  /** Null when {@code name} may name a subset, else istiod's message. */
  static String subsetName(String name) {
    if (name.isEmpty()) {
      return "subset name cannot be empty";
    }
    return Names.isDnsLabel(name) ? null : "subset name is invalid: " + name;
  }

  private static void policy(TrafficPolicy policy, FieldPath path, Rejections out) {
    TrafficPolicyRules.check(policy, path, out);
    OutlierDetection outlier = policy.outlierDetection().orElse(null);
    policy.loadBalancer().ifPresent(lb -> loadBalancer(lb, path.field("loadBalancer"), out));
    policy.tls().ifPresent(tls -> tls(tls, path.field("tls"), out));
    Durations.outlier(outlier, path.field("outlierDetection"), out);
    Durations.connectionPool(policy.connectionPool(), path.field("connectionPool"), out);
    List<PortTrafficPolicy> ports = policy.portLevelSettings();
    for (int i = 0; i < ports.size(); i++) {
      FieldPath at = path.field("portLevelSettings").index(i);
      PortTrafficPolicy p = ports.get(i);
      p.loadBalancer().ifPresent(lb -> loadBalancer(lb, at.field("loadBalancer"), out));
      p.tls().ifPresent(tls -> tls(tls, at.field("tls"), out));
      Durations.outlier(p.outlierDetection().orElse(null), at.field("outlierDetection"), out);
      Durations.connectionPool(p.connectionPool(), at.field("connectionPool"), out);
    }
  }

  private static void loadBalancer(LoadBalancerSettings lb, FieldPath path, Rejections out) {
    lb.localityLbSetting().ifPresent(l -> locality(l, path.field("localityLbSetting"), out));
  }

  private static void locality(LocalityLoadBalancerSetting lb, FieldPath path, Rejections out) {
    // istiod stops at the first problem of the distribute weights, as these checks do.
    if (!lb.distribute().isEmpty() && !lb.failover().isEmpty()) {
      out.add("SP0405", path, "can not simultaneously specify 'distribute' and 'failover'");
      return;
    }
    if (!lb.failover().isEmpty()) {
      for (String label : lb.failoverPriority()) {
        if (TOPOLOGY.contains(label)) {
          out.add(
              "SP0407",
              path.field("failoverPriority"),
              "can not simultaneously set 'failover' and topology label '"
                  + label
                  + "' in 'failover_priority'");
          return;
        }
      }
    }
    for (int i = 0; i < lb.distribute().size(); i++) {
      Distribute d = lb.distribute().get(i);
      FieldPath to = path.field("distribute").index(i).field("to");
      long total = 0;
      for (Map.Entry<String, Long> e : d.to().entrySet()) {
        if (e.getValue() <= 0 || e.getValue() > 100) {
          out.add("SP0406", to.key(e.getKey()), "locality weight must be in range [1, 100]");
          return;
        }
        total += e.getValue();
      }
      if (total != 100) {
        out.add("SP0406", to, "total locality weight " + total + " != 100");
        return;
      }
    }
    for (int i = 0; i < lb.failover().size(); i++) {
      Failover f = lb.failover().get(i);
      FieldPath at = path.field("failover").index(i);
      String from = f.from().orElse("");
      String to = f.to().orElse("");
      if (from.equals(to)) {
        out.add("SP0407", at, "locality lb failover settings must specify different regions");
      }
      if (from.contains("/") || to.contains("/")) {
        out.add("SP0407", at, "locality lb failover only specify region");
      }
      if (from.contains("*") || to.contains("*")) {
        out.add("SP0407", at, "locality lb failover region should not contain '*' wildcard");
      }
    }
  }

  private static void tls(ClientTLSSettings tls, FieldPath path, Rejections out) {
    ClientTLSMode mode = tls.mode().orElse(ClientTLSMode.DISABLE);
    boolean ca = tls.caCertificates().isPresent();
    boolean credential = tls.credentialName().isPresent();
    boolean names = !tls.subjectAltNames().isEmpty();
    if (tls.insecureSkipVerify().orElse(false)) {
      if (mode == ClientTLSMode.SIMPLE && (ca || credential || names)) {
        out.add(
            "SP0409",
            path,
            "cannot specify CaCertificates or CredentialName or SubjectAltNames when"
                + " InsecureSkipVerify is set true");
      }
      if (mode == ClientTLSMode.MUTUAL && (ca || names)) {
        out.add(
            "SP0409",
            path,
            "cannot specify CaCertificates or SubjectAltNames when InsecureSkipVerify is set true");
      }
    }
    boolean files =
        tls.clientCertificate().isPresent()
            || ca
            || tls.privateKey().isPresent()
            || tls.caCrl().isPresent();
    if ((mode == ClientTLSMode.SIMPLE || mode == ClientTLSMode.MUTUAL) && credential) {
      if (files) {
        out.add(
            "SP0409",
            path,
            "cannot specify client certificates or CA certificate or CA CRL If credentialName is"
                + " set");
      }
      return;
    }
    if (mode == ClientTLSMode.MUTUAL) {
      if (tls.clientCertificate().isEmpty()) {
        out.add("SP0409", path, "client certificate required for mutual tls");
      }
      if (tls.privateKey().isEmpty()) {
        out.add("SP0409", path, "private key required for mutual tls");
      }
    }
  }
}
