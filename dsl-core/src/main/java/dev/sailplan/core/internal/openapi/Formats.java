package dev.sailplan.core.internal.openapi;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * The string formats the API server checks in custom resources. Of those the schemas use, {@code
 * int32}, {@code int64} and {@code double} describe numbers and are not checked; {@code byte},
 * {@code date-time}, {@code ipv4} and {@code ipv6} are.
 */
final class Formats {
  private static final Set<String> CHECKED = Set.of("byte", "date-time", "ipv4", "ipv6");

  private Formats() {}

  /** {@code format} when the server checks it, else null. */
  static String checked(String format) {
    return format != null && CHECKED.contains(format) ? format : null;
  }

  /** Whether {@code s} is valid in {@code format} (one of {@link #checked}). */
  static boolean valid(String format, String s) {
    return switch (format) {
      case "byte" -> isBase64(s);
      case "date-time" -> isDateTime(s);
      // As kube-openapi's strfmt: any address Go parses, told apart by its separator.
      case "ipv4" -> isIp(s) && s.indexOf('.') >= 0;
      case "ipv6" -> isIp(s) && s.indexOf(':') >= 0;
      default -> true;
    };
  }

  /** Standard base64 with padding, as Go's {@code base64.StdEncoding}, which skips line breaks. */
  static boolean isBase64(String s) {
    int n = 0;
    int pad = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\r' || c == '\n') {
        continue;
      }
      if (c == '=') {
        pad++;
      } else if (pad > 0
          || !((c >= 'A' && c <= 'Z')
              || (c >= 'a' && c <= 'z')
              || (c >= '0' && c <= '9')
              || c == '+'
              || c == '/')) {
        return false;
      }
      n++;
    }
    return n % 4 == 0 && pad <= 2;
  }

  /** RFC 3339, with or without fractional seconds. */
  static boolean isDateTime(String s) {
    if (s.length() < 20 || (s.charAt(10) != 'T' && s.charAt(10) != 't')) {
      return false;
    }
    try {
      OffsetDateTime.parse(s.toUpperCase(java.util.Locale.ROOT));
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  /** Whether Go's {@code net.ParseIP} parses {@code s}. */
  static boolean isIp(String s) {
    return isIpv4(s, 0, s.length()) || isIpv6(s);
  }

  /** Four decimal octets without leading zeros, as Go's {@code net.ParseIP}. */
  static boolean isIpv4(String s, int from, int to) {
    int octets = 0;
    int i = from;
    while (true) {
      int start = i;
      int value = 0;
      while (i < to && s.charAt(i) >= '0' && s.charAt(i) <= '9' && i - start < 3) {
        value = value * 10 + (s.charAt(i) - '0');
        i++;
      }
      int digits = i - start;
      if (digits == 0 || value > 255 || (digits > 1 && s.charAt(start) == '0')) {
        return false;
      }
      octets++;
      if (octets == 4) {
        return i == to;
      }
      if (i >= to || s.charAt(i) != '.') {
        return false;
      }
      i++;
    }
  }

  /** An IPv6 address, optionally ending in a dotted IPv4 address; no zone. */
  static boolean isIpv6(String s) {
    int groups = 0;
    boolean ellipsis = false;
    int i = 0;
    int n = s.length();
    if (s.startsWith("::")) {
      ellipsis = true;
      i = 2;
      if (i == n) {
        return true;
      }
    }
    while (i < n) {
      int start = i;
      while (i < n && Character.digit(s.charAt(i), 16) >= 0 && i - start < 5) {
        i++;
      }
      if (i < n && s.charAt(i) == '.') {
        // The last 32 bits as an IPv4 address.
        if (groups > 6 || !isIpv4(s, start, n)) {
          return false;
        }
        groups += 2;
        i = n;
        break;
      }
      if (i - start == 0 || i - start > 4) {
        return false;
      }
      groups++;
      if (i == n) {
        break;
      }
      if (s.charAt(i) != ':') {
        return false;
      }
      i++;
      if (i < n && s.charAt(i) == ':') {
        if (ellipsis) {
          return false;
        }
        ellipsis = true;
        i++;
        if (i == n) {
          break;
        }
      } else if (i == n) {
        return false;
      }
    }
    return ellipsis ? groups < 8 : groups == 8;
  }
}
