package dev.sailplan.gatewayapi.internal.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The Gateway API's hostname rules: a {@code *.} label is a suffix match of one or more labels
 * ({@code *.example.com} matches {@code a.example.com} and {@code a.b.example.com}, not {@code
 * example.com}), and a route's hostnames that match no listener hostname are ignored.
 */
final class Hostnames {
  /** What an empty hostname on both sides matches. */
  static final String ANY = "*";

  private Hostnames() {}

  /** The hostname requests match on both sides, the more specific one; null when none. */
  static String intersect(String a, String b) {
    if (a.equals(b)) {
      return a;
    }
    if (covers(a, b)) {
      return b;
    }
    if (covers(b, a)) {
      return a;
    }
    return null;
  }

  private static boolean covers(String wildcard, String host) {
    if (!wildcard.startsWith("*.")) {
      return false;
    }
    String suffix = wildcard.substring(1);
    return host.length() > suffix.length() && host.endsWith(suffix);
  }

  /**
   * The hostnames a route serves on a listener: the listener's when the route names none, the
   * route's when the listener names none, else their intersections (empty: not attached).
   */
  static List<String> served(List<String> route, Optional<String> listener) {
    String l = listener.filter(s -> !s.isEmpty()).orElse("");
    if (route.isEmpty()) {
      return List.of(l.isEmpty() ? ANY : l);
    }
    if (l.isEmpty()) {
      return route;
    }
    List<String> out = new ArrayList<>();
    for (String h : route) {
      String both = intersect(h, l);
      if (both != null && !out.contains(both)) {
        out.add(both);
      }
    }
    return out;
  }
}
