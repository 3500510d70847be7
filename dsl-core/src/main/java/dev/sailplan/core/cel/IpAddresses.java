package dev.sailplan.core.cel;

/**
 * IP addresses as Go's {@code netip.ParseAddr} reads them, with the Kubernetes CEL library's
 * restrictions (no zone, no IPv4-mapped IPv6).
 */
final class IpAddresses {
  private IpAddresses() {}

  /** Null when {@code s} is an IP address, else why not. */
  static String parse(String s) {
    if (s.indexOf(':') < 0) {
      return ipv4(s) ? null : "invalid IP address";
    }
    if (s.indexOf('%') >= 0) {
      return "IP address with zone value is not allowed";
    }
    int[] words = ipv6(s);
    if (words == null) {
      return "invalid IP address";
    }
    boolean mapped = words[5] == 0xffff;
    for (int i = 0; i < 5; i++) {
      mapped &= words[i] == 0;
    }
    return mapped ? "IPv4-mapped IPv6 address is not allowed" : null;
  }

  /** Null when {@code s} is an address and prefix length ({@code 10.0.0.0/8}), else why not. */
  static String parseCidr(String s) {
    int slash = s.indexOf('/');
    if (slash < 0) {
      return "invalid CIDR";
    }
    String ip = s.substring(0, slash);
    String bits = s.substring(slash + 1);
    String error = parse(ip);
    if (error != null) {
      return error;
    }
    int max = ip.indexOf(':') < 0 ? 32 : 128;
    if (bits.isEmpty() || bits.length() > 3 || (bits.length() > 1 && bits.charAt(0) == '0')) {
      return "invalid CIDR";
    }
    for (int i = 0; i < bits.length(); i++) {
      if (bits.charAt(i) < '0' || bits.charAt(i) > '9') {
        return "invalid CIDR";
      }
    }
    return Integer.parseInt(bits) <= max ? null : "invalid CIDR";
  }

  private static boolean ipv4(String s) {
    String[] parts = s.split("\\.", -1);
    if (parts.length != 4) {
      return false;
    }
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) {
        return false;
      }
      for (int i = 0; i < p.length(); i++) {
        if (p.charAt(i) < '0' || p.charAt(i) > '9') {
          return false;
        }
      }
      if (Integer.parseInt(p) > 255) {
        return false;
      }
    }
    return true;
  }

  /** The eight 16-bit words, or null. */
  private static int[] ipv6(String s) {
    int[] words = new int[8];
    int n = 0;
    int ellipsis = -1;
    int i = 0;
    if (s.startsWith("::")) {
      ellipsis = 0;
      i = 2;
      if (s.length() == 2) {
        return words;
      }
    }
    while (i < s.length()) {
      int j = i;
      while (j < s.length() && Character.digit(s.charAt(j), 16) >= 0 && j - i < 5) {
        j++;
      }
      if (j < s.length() && s.charAt(j) == '.') {
        // An embedded IPv4 address ends the address.
        if ((ellipsis < 0 && n != 6) || n > 6 || !ipv4(s.substring(i))) {
          return null;
        }
        String[] p = s.substring(i).split("\\.", -1);
        words[n++] = Integer.parseInt(p[0]) << 8 | Integer.parseInt(p[1]);
        words[n++] = Integer.parseInt(p[2]) << 8 | Integer.parseInt(p[3]);
        i = s.length();
        break;
      }
      if (j == i || j - i > 4 || n == 8) {
        return null;
      }
      words[n++] = Integer.parseInt(s.substring(i, j), 16);
      i = j;
      if (i == s.length()) {
        break;
      }
      if (s.charAt(i) != ':' || i + 1 == s.length()) {
        return null;
      }
      i++;
      if (s.charAt(i) == ':') {
        if (ellipsis >= 0) {
          return null;
        }
        ellipsis = n;
        i++;
        if (i == s.length()) {
          break;
        }
      }
    }
    if (ellipsis < 0) {
      return n == 8 ? words : null;
    }
    if (n == 8) {
      return null;
    }
    int[] out = new int[8];
    System.arraycopy(words, 0, out, 0, ellipsis);
    int tail = n - ellipsis;
    System.arraycopy(words, ellipsis, out, 8 - tail, tail);
    return out;
  }
}
