package dev.sailplan.istio.validation.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Host names as istiod checks them; each check returns istiod's message, or null when valid. */
final class Names {
  // Istio's label syntax accepts upper case letters, unlike Kubernetes'.
  private static final Pattern LABEL = Pattern.compile("[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?");
  private static final Pattern WILDCARD_LABEL =
      Pattern.compile("\\*|(?:\\*|\\*-)?[a-zA-Z0-9](?:[-a-zA-Z0-9]*[a-zA-Z0-9])?");

  private Names() {}

  /** A DNS-1123 label as istiod reads it (upper case too): a subset or port name. */
  static boolean isDnsLabel(String s) {
    return s.length() <= 63 && LABEL.matcher(s).matches();
  }

  static String quote(String s) {
    return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }

  private static String preconditions(String name) {
    if (name.length() > 255) {
      return "domain name " + quote(name) + " too long (max 255)";
    }
    return name.isEmpty() ? "empty domain name not allowed" : null;
  }

  private static String labels(String domain) {
    String[] parts = domain.split("\\.", -1);
    String top = parts[parts.length - 1];
    if (!top.isEmpty() && top.chars().allMatch(Character::isDigit)) {
      return "domain name "
          + quote(domain)
          + " invalid (top level domain "
          + quote(top)
          + " cannot be all-numeric)";
    }
    for (int i = 0; i < parts.length; i++) {
      if (i == parts.length - 1 && parts[i].isEmpty()) {
        return null; // a trailing dot: an unambiguous absolute name
      }
      if (parts[i].length() > 63 || !LABEL.matcher(parts[i]).matches()) {
        return "domain name " + quote(domain) + " invalid (label " + quote(parts[i]) + " invalid)";
      }
    }
    return null;
  }

  /** A fully qualified domain name, without wildcards. */
  static String fqdn(String name) {
    String problem = preconditions(name);
    return problem != null ? problem : labels(name);
  }

  /** A domain name whose first label may be a wildcard ({@code *.example.com}, {@code *}). */
  static String wildcardDomain(String domain) {
    String problem = preconditions(domain);
    if (problem != null) {
      return problem;
    }
    int dot = domain.indexOf('.');
    String first = dot < 0 ? domain : domain.substring(0, dot);
    if (first.length() > 63 || !WILDCARD_LABEL.matcher(first).matches()) {
      return "domain name " + quote(domain) + " invalid (label " + quote(first) + " invalid)";
    }
    return dot < 0 ? null : labels(domain.substring(dot + 1));
  }

  /**
   * A host of a Sidecar egress listener or a Gateway server: {@code namespace/dnsName}; a Gateway
   * also takes a bare {@code dnsName} or an IP address.
   */
  static List<String> namespacedHost(String host, boolean gateway) {
    List<String> out = new ArrayList<>();
    int slash = host.indexOf('/');
    if (slash < 0) {
      if (gateway) {
        hostPart(host, true, out);
      } else {
        out.add("host must be of form namespace/dnsName");
      }
      return out;
    }
    String namespace = host.substring(0, slash);
    String name = host.substring(slash + 1);
    if (namespace.isEmpty() || name.isEmpty()) {
      out.add("config namespace and dnsName in host entry cannot be empty");
    }
    boolean special =
        namespace.equals("*") || namespace.equals(".") || (!gateway && namespace.equals("~"));
    if (!special && !LABEL.matcher(namespace).matches()) {
      out.add(
          "invalid namespace value "
              + quote(namespace)
              + (gateway ? " in gateway" : " in sidecar"));
    }
    hostPart(name, gateway, out);
    return out;
  }

  private static void hostPart(String name, boolean gateway, List<String> out) {
    if (!name.equals("*") && !name.contains(".")) {
      out.add("short names (non FQDN) are not allowed");
    }
    String problem = wildcardDomain(name);
    if (problem != null && !(gateway && Addresses.isIp(name))) {
      out.add(problem);
    }
    if (name.contains("*") && name.length() != 1 && !name.startsWith("*.")) {
      out.add("partial wildcard " + quote(name) + " not allowed");
    }
  }
}
