package dev.sailplan.istio.rollout;

import java.util.regex.Pattern;

/** Checks of the names composites are given, with messages that say what is wrong. */
final class Names {
  /** A DNS-1123 label: what subset names, namespaces and Service names must be. */
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
  /** A DNS-1123 subdomain, possibly with a leading wildcard label. */
  private static final Pattern HOST = Pattern.compile(
      "(\\*\\.)?[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*");

  private Names() {}

  static String label(String what, String value) {
    if (value == null || !LABEL.matcher(value).matches()) {
      throw new IllegalArgumentException(what + " '" + value
          + "' is not a valid name (lower-case letters, digits and '-', at most 63, starting and ending alphanumeric)");
    }
    return value;
  }

  static String host(String what, String value) {
    if (value == null || value.length() > 253 || !HOST.matcher(value).matches()) {
      throw new IllegalArgumentException(what + " '" + value + "' is not a valid host name");
    }
    return value;
  }

  /** Splits {@code namespace/name}; both parts are required. */
  static String[] namespaced(String what, String ref) {
    String[] parts = ref == null ? new String[0] : ref.split("/", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException(what + " '" + ref + "' must be namespace/name");
    }
    label(what + " namespace", parts[0]);
    host(what + " name", parts[1]);
    return parts;
  }
}
