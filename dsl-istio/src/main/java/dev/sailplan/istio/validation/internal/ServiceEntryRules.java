package dev.sailplan.istio.validation.internal;

import dev.sailplan.core.validation.FieldPath;
import dev.sailplan.istio.networking.v1.Resolution;
import dev.sailplan.istio.networking.v1.ServiceEntry;
import dev.sailplan.istio.networking.v1.ServiceEntrySpec;
import dev.sailplan.istio.networking.v1.WorkloadEntrySpec;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** What istiod's {@code ValidateServiceEntry} rejects. */
public final class ServiceEntryRules {
  private ServiceEntryRules() {}

  /** Checks {@code entry}. */
  public static void check(ServiceEntry entry, Rejections out) {
    ServiceEntrySpec spec = entry.spec();
    FieldPath path = FieldPath.root().field("spec");
    for (int i = 0; i < spec.hosts().size(); i++) {
      String host = spec.hosts().get(i);
      if (!host.equals("*")) { // the CRD's rule refuses "*"
        out.addIfAny("SP0421", path.field("hosts").index(i), Names.wildcardDomain(host));
      }
    }
    for (int i = 0; i < spec.addresses().size(); i++) {
      out.addIfAny(
          "SP0428", path.field("addresses").index(i), Addresses.subnet(spec.addresses().get(i)));
    }
    Set<String> ports = new HashSet<>();
    for (int i = 0; i < spec.ports().size(); i++) {
      String name = spec.ports().get(i).name();
      FieldPath port = path.field("ports").index(i);
      out.addIfAny("SP0440", port.field("name"), Values.portName(name));
      spec.ports()
          .get(i)
          .protocol()
          .ifPresent(p -> out.addIfAny("SP0439", port.field("protocol"), Values.protocol(p)));
      if (!ports.add(name)) {
        out.add(
            "SP0424",
            path.field("ports").index(i).field("name"),
            "service entry port name " + Names.quote(name) + " already defined");
      }
    }
    Resolution resolution = spec.resolution().orElse(Resolution.NONE);
    if (resolution == Resolution.STATIC) {
      for (int i = 0; i < spec.endpoints().size(); i++) {
        staticEndpoint(spec.endpoints().get(i), ports, path.field("endpoints").index(i), out);
      }
    } else if (resolution == Resolution.DNS || resolution == Resolution.DNS_ROUND_ROBIN) {
      if (spec.endpoints().isEmpty()) {
        // The hosts themselves are resolved: a wildcard cannot be.
        for (int i = 0; i < spec.hosts().size(); i++) {
          if (Names.fqdn(spec.hosts().get(i)) != null) {
            out.add(
                "SP0425",
                path.field("hosts").index(i),
                "hosts must be FQDN if no endpoints are provided for resolution mode "
                    + resolution);
          }
        }
      }
      for (int i = 0; i < spec.endpoints().size(); i++) {
        WorkloadEntrySpec e = spec.endpoints().get(i);
        FieldPath at = path.field("endpoints").index(i);
        String address = e.address().orElse("");
        if (!Addresses.isIp(address) && Names.fqdn(address) != null) {
          out.add(
              "SP0426",
              at.field("address"),
              "endpoint address " + Names.quote(address) + " is not a valid FQDN or an IP address");
        }
        endpointPorts(e, ports, at, out);
      }
    }
    ExportTo.check(
        spec.exportTo(),
        entry.metadata().namespace().orElse(""),
        true,
        false,
        path.field("exportTo"),
        out);
    if (resolution != Resolution.NONE && spec.hosts().size() > 1) {
      // Plain TCP carries no host name, so one port cannot tell the hosts apart.
      for (int i = 0; i < spec.ports().size(); i++) {
        String protocol = spec.ports().get(i).protocol().orElse("");
        if (!Values.isHttp(protocol) && !Values.isTls(protocol)) {
          out.add(
              "SP0427",
              path.field("ports").index(i),
              "multiple hosts provided with non-HTTP, non-TLS ports");
          break;
        }
      }
    }
  }

  private static void staticEndpoint(
      WorkloadEntrySpec e, Set<String> ports, FieldPath at, Rejections out) {
    String address = e.address().orElse("");
    if (address.startsWith("unix://")) {
      if (ports.size() != 1) {
        out.add(
            "SP0426", at.field("address"), "exactly 1 service port required for unix endpoints");
      }
    } else if (!address.isEmpty() && !Addresses.isIp(address)) {
      out.add(
          "SP0426",
          at.field("address"),
          "endpoint address " + Names.quote(address) + " is not a valid IP address");
    }
    endpointPorts(e, ports, at, out);
  }

  private static void endpointPorts(
      WorkloadEntrySpec e, Set<String> ports, FieldPath at, Rejections out) {
    for (Map.Entry<String, Long> p : e.ports().entrySet()) {
      if (!ports.contains(p.getKey())) {
        out.add(
            "SP0426",
            at.field("ports").key(p.getKey()),
            "endpoint port " + p.getValue() + " is not defined by the service entry");
      }
    }
  }
}
