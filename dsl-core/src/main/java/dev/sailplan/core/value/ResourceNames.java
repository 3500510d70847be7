package dev.sailplan.core.value;

import java.util.regex.Pattern;

/**
 * Checks of the Kubernetes names that composites are given, with messages that say what is wrong:
 * {@code ResourceNames.label("canary subset", "V2")} fails with "canary subset 'V2' is not a valid
 * name (…)".
 */
public final class ResourceNames {
  /** A DNS-1123 label: what subset names, namespaces and Service names must be. */
  private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

  /** A DNS-1123 subdomain, possibly with a leading wildcard label. */
  private static final Pattern HOST =
      Pattern.compile(
          "(\\*\\.)?[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*");

  /** A DNS-1123 subdomain: what most object names (routes, Gateways) must be. */
  private static final Pattern SUBDOMAIN =
      Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*");

  /**
   * A label key as Kubernetes checks it: an optional DNS-1123 subdomain prefix of at most 253
   * characters and a slash, then a name of at most 63 letters, digits, '-', '_' and '.', starting
   * and ending alphanumeric.
   */
  private static final Pattern LABEL_KEY =
      Pattern.compile(
          "([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?"
              + "[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");

  private ResourceNames() {}

  /**
   * A DNS-1123 label: subset names, namespaces, Service names.
   *
   * @throws IllegalArgumentException naming {@code what} and the value
   */
  public static String label(String what, String value) {
    if (value == null || !LABEL.matcher(value).matches()) {
      throw new IllegalArgumentException(
          what
              + " '"
              + value
              + "' is not a valid name (lower-case letters, digits and '-', at most 63, starting and ending alphanumeric)");
    }
    return value;
  }

  /**
   * A label key, such as {@code version} or {@code app.kubernetes.io/version}: what subsets and
   * workload selectors select pods by.
   *
   * @throws IllegalArgumentException naming {@code what} and the value
   */
  public static String labelKey(String what, String value) {
    if (value == null || !LABEL_KEY.matcher(value).matches() || value.indexOf('/') > 253) {
      throw new IllegalArgumentException(what + " '" + value + "' is not a valid label key");
    }
    return value;
  }

  /**
   * A host name, possibly with a leading {@code *.} wildcard label.
   *
   * @throws IllegalArgumentException naming {@code what} and the value
   */
  public static String host(String what, String value) {
    if (value == null || value.length() > 253 || !HOST.matcher(value).matches()) {
      throw new IllegalArgumentException(what + " '" + value + "' is not a valid host name");
    }
    return value;
  }

  /**
   * Splits {@code namespace/name}; both parts are required.
   *
   * @throws IllegalArgumentException naming {@code what} and the reference
   */
  public static String[] namespaced(String what, String ref) {
    String[] parts = ref == null ? new String[0] : ref.split("/", -1);
    if (parts.length != 2) {
      throw new IllegalArgumentException(what + " '" + ref + "' must be namespace/name");
    }
    label(what + " namespace", parts[0]);
    host(what + " name", parts[1]);
    return parts;
  }

  /**
   * A DNS-1123 subdomain: object names such as routes and Gateways.
   *
   * @throws IllegalArgumentException naming {@code what} and the value
   */
  public static String subdomain(String what, String value) {
    if (value == null || value.length() > 253 || !SUBDOMAIN.matcher(value).matches()) {
      throw new IllegalArgumentException(
          what
              + " '"
              + value
              + "' is not a valid name (dot-separated lower-case labels of letters, digits and '-', at most 253)");
    }
    return value;
  }
}
