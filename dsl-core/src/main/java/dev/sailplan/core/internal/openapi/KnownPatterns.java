package dev.sailplan.core.internal.openapi;

import java.util.Map;

/**
 * Phrases for the patterns of well-known types (mostly Gateway API's), so that a finding says what
 * the value should be rather than quoting a regular expression.
 */
final class KnownPatterns {
  private static final String LABEL = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
  private static final String SUBDOMAIN = LABEL + "(\\." + LABEL + ")*";

  private static final Map<String, String> PHRASES =
      Map.of(
          "^(\\*\\.)?" + SUBDOMAIN + "$",
          "must be a valid hostname",
          "^" + SUBDOMAIN + "$",
          "must be a lowercase RFC 1123 subdomain",
          "^" + LABEL + "$",
          "must be a lowercase RFC 1123 label",
          "^$|^" + SUBDOMAIN + "$",
          "must be empty or a lowercase RFC 1123 subdomain",
          "^[a-zA-Z]([-a-zA-Z0-9]*[a-zA-Z0-9])?$",
          "must be a valid kind: a letter, then letters, digits or '-'",
          "^[A-Za-z0-9!#$%&'*+\\-.^_\\x60|~]+$",
          "must be a valid HTTP header name",
          "^([0-9]{1,5}(h|m|s|ms)){1,4}$",
          "must be a duration such as 10s, 500ms or 1h30m",
          "^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?"
              + "(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])$",
          "must be a valid label key");

  private KnownPatterns() {}

  /** The message for a value that does not match {@code pattern}. */
  static String message(String pattern) {
    String phrase = PHRASES.get(pattern);
    return phrase != null ? phrase : "must match " + pattern;
  }
}
