package dev.sailplan.istio.validation.internal;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** IP addresses and CIDR blocks, parsed as literals (never looked up). */
final class Addresses {
  private Addresses() {}

  static boolean isIp(String s) {
    return isIpv4(s) || isIpv6(s);
  }

  private static boolean isIpv4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String p : parts) {
      // Go's parser refuses leading zeros: 010 would be octal elsewhere.
      if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) {
        return false;
      }
      if (!p.chars().allMatch(c -> c >= '0' && c <= '9') || Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }

  private static boolean isIpv6(String s) {
    if (!s.contains(":")
        || !s.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
      return false;
    }
    try {
      // Only hex digits, colons and dots: InetAddress parses it as a literal, without DNS.
      InetAddress.getByName(s);
      return true;
    } catch (UnknownHostException e) {
      return false;
    }
  }

  static boolean isCidr(String s) {
    int slash = s.indexOf('/');
    if (slash < 0 || slash != s.lastIndexOf('/')) {
      return false;
    }
    String ip = s.substring(0, slash);
    String bits = s.substring(slash + 1);
    if (bits.isEmpty() || bits.length() > 3 || !bits.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return false;
    }
    int n = Integer.parseInt(bits);
    return isIpv4(ip) ? n <= 32 : isIpv6(ip) && n <= 128;
  }

  /** An address or a CIDR block as a ServiceEntry or a match names them; null when valid. */
  static String subnet(String s) {
    if (s.indexOf('/') >= 0 && s.indexOf('/') == s.lastIndexOf('/')) {
      return isCidr(s) ? null : s + " is not a valid CIDR block";
    }
    return isIp(s) ? null : s + " is not a valid IP";
  }

  /** A listener's {@code bind}: an IP address; null when valid. */
  static String bind(String s) {
    return isIp(s) ? null : s + " is not a valid IP";
  }

  /** An ipBlocks entry of an AuthorizationPolicy; null when valid. */
  static String block(String s) {
    if (s.contains("/")) {
      return isCidr(s) ? null : "bad CIDR range (" + s + ")";
    }
    return isIp(s) ? null : "bad IP address (" + s + ")";
  }
}
