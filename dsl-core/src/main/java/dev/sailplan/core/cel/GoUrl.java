package dev.sailplan.core.cel;

import java.nio.charset.StandardCharsets;

/**
 * A URL as Go's {@code net/url} reads it, which the Kubernetes CEL library's {@code isURL} and
 * {@code url} use: {@code url.ParseRequestURI} decides validity, {@code url.Parse} the parts.
 */
final class GoUrl {
  private static final int HOST = 0;
  private static final int PATH = 1;
  private static final int USER = 2;
  private static final int ZONE = 3;

  private final String scheme;
  private final String host;
  private final String path;
  private final String raw;

  private GoUrl(String scheme, String host, String path, String raw) {
    this.scheme = scheme;
    this.host = host;
    this.path = path;
    this.raw = raw;
  }

  /** Null when {@code url.ParseRequestURI} accepts {@code s}, else Go's error text. */
  static String parseRequestUri(String s) {
    try {
      parse(s, true);
      return null;
    } catch (IllegalArgumentException e) {
      return e.getMessage();
    }
  }

  /** {@code url.Parse}, for a string that {@link #parseRequestUri} accepted. */
  static GoUrl parse(String s) {
    int hash = s.indexOf('#');
    String u = hash < 0 ? s : s.substring(0, hash);
    try {
      return parse(u, false).withRaw(s);
    } catch (IllegalArgumentException e) {
      throw new CelError("URL parse error during conversion from string: " + e.getMessage());
    }
  }

  private GoUrl withRaw(String s) {
    return new GoUrl(scheme, host, path, s);
  }

  private static GoUrl parse(String raw, boolean viaRequest) {
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c < 0x20 || c == 0x7f) {
        throw new IllegalArgumentException("net/url: invalid control character in URL");
      }
    }
    if (raw.isEmpty() && viaRequest) {
      throw new IllegalArgumentException("empty url");
    }
    if (raw.equals("*")) {
      return new GoUrl("", "", "*", raw);
    }
    String scheme = "";
    String rest = raw;
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
        continue;
      }
      if ((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.') {
        if (i == 0) {
          break;
        }
        continue;
      }
      if (c == ':') {
        if (i == 0) {
          throw new IllegalArgumentException("missing protocol scheme");
        }
        scheme = raw.substring(0, i).toLowerCase(java.util.Locale.ROOT);
        rest = raw.substring(i + 1);
      }
      break;
    }
    if (rest.endsWith("?") && rest.indexOf('?') == rest.length() - 1) {
      rest = rest.substring(0, rest.length() - 1);
    } else {
      int q = rest.indexOf('?');
      if (q >= 0) {
        rest = rest.substring(0, q);
      }
    }
    if (!rest.startsWith("/")) {
      if (!scheme.isEmpty()) {
        // A rootless path is opaque.
        return new GoUrl(scheme, "", "", raw);
      }
      if (viaRequest) {
        throw new IllegalArgumentException("invalid URI for request");
      }
      int slash = rest.indexOf('/');
      String segment = slash < 0 ? rest : rest.substring(0, slash);
      if (segment.contains(":")) {
        throw new IllegalArgumentException("first path segment in URL cannot contain colon");
      }
    }
    String host = "";
    if ((!scheme.isEmpty() || (!viaRequest && !rest.startsWith("///"))) && rest.startsWith("//")) {
      String authority = rest.substring(2);
      rest = "";
      int slash = authority.indexOf('/');
      if (slash >= 0) {
        rest = authority.substring(slash);
        authority = authority.substring(0, slash);
      }
      host = authority(authority);
    }
    unescape(rest, PATH);
    return new GoUrl(scheme, host, rest, raw);
  }

  private static String authority(String authority) {
    int at = authority.lastIndexOf('@');
    String host = parseHost(at < 0 ? authority : authority.substring(at + 1));
    if (at >= 0) {
      String user = authority.substring(0, at);
      for (int i = 0; i < user.length(); i++) {
        char c = user.charAt(i);
        boolean ok =
            (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || "-._:~!$&'()*+,;=%@".indexOf(c) >= 0;
        if (!ok) {
          throw new IllegalArgumentException("net/url: invalid userinfo");
        }
      }
      unescape(user, USER);
    }
    return host;
  }

  private static String parseHost(String host) {
    if (host.startsWith("[")) {
      int close = host.lastIndexOf(']');
      if (close < 0) {
        throw new IllegalArgumentException("missing ']' in host");
      }
      String colonPort = host.substring(close + 1);
      if (!validOptionalPort(colonPort)) {
        throw new IllegalArgumentException("invalid port \"" + colonPort + "\" after host");
      }
      int zone = host.substring(0, close).indexOf("%25");
      if (zone >= 0) {
        return unescape(host.substring(0, zone), HOST)
            + unescape(host.substring(zone, close), ZONE)
            + unescape(host.substring(close), HOST);
      }
    } else {
      int colon = host.lastIndexOf(':');
      if (colon >= 0 && !validOptionalPort(host.substring(colon))) {
        throw new IllegalArgumentException(
            "invalid port \"" + host.substring(colon) + "\" after host");
      }
    }
    return unescape(host, HOST);
  }

  private static boolean validOptionalPort(String port) {
    if (port.isEmpty()) {
      return true;
    }
    if (port.charAt(0) != ':') {
      return false;
    }
    for (int i = 1; i < port.length(); i++) {
      if (port.charAt(i) < '0' || port.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  private static String unescape(String s, int mode) {
    byte[] b = s.getBytes(StandardCharsets.UTF_8);
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < b.length; i++) {
      int c = b[i] & 0xff;
      if (c == '%') {
        if (i + 2 >= b.length || hex(b[i + 1]) < 0 || hex(b[i + 2]) < 0) {
          String bad = new String(b, i, Math.min(3, b.length - i), StandardCharsets.UTF_8);
          throw new IllegalArgumentException("invalid URL escape \"" + bad + "\"");
        }
        if (mode == HOST && hex(b[i + 1]) < 8 && !(b[i + 1] == '2' && b[i + 2] == '5')) {
          throw new IllegalArgumentException(
              "invalid URL escape \"" + new String(b, i, 3, StandardCharsets.UTF_8) + "\"");
        }
        out.write(hex(b[i + 1]) * 16 + hex(b[i + 2]));
        i += 2;
        continue;
      }
      if ((mode == HOST || mode == ZONE) && c < 0x80 && shouldEscape(c, mode)) {
        throw new IllegalArgumentException("invalid character \"" + (char) c + "\" in host name");
      }
      out.write(c);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static int hex(byte c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private static boolean shouldEscape(int c, int mode) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
      return false;
    }
    if ((mode == HOST || mode == ZONE) && "!$&'()*+,;=:[]<>\"".indexOf(c) >= 0) {
      return false;
    }
    if ("-_.~".indexOf(c) >= 0) {
      return false;
    }
    if ("$&+,/:;=?@".indexOf(c) >= 0) {
      return mode == PATH ? c == '?' : mode != USER || "@/?:".indexOf(c) >= 0;
    }
    return true;
  }

  String scheme() {
    return scheme;
  }

  String host() {
    return host;
  }

  String hostname() {
    String h = hostPort()[0];
    return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
  }

  String port() {
    return hostPort()[1];
  }

  private String[] hostPort() {
    int colon = host.lastIndexOf(':');
    if (colon >= 0 && validOptionalPort(host.substring(colon))) {
      return new String[] {host.substring(0, colon), host.substring(colon + 1)};
    }
    return new String[] {host, ""};
  }

  String escapedPath() {
    String decoded = unescape(path, PATH);
    StringBuilder b = new StringBuilder();
    for (byte x : decoded.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xff;
      if (c < 0x80 && !shouldEscape(c, PATH)) {
        b.append((char) c);
      } else {
        b.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        b.append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
    String escaped = b.toString();
    // Go keeps the written form when it is a valid encoding of the same path.
    return unescape(path, PATH).equals(decoded) && validEncoded(path) ? path : escaped;
  }

  private static boolean validEncoded(String p) {
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if ("!$&'()*+,;=:@[]%".indexOf(c) >= 0) {
        continue;
      }
      if (c >= 0x80 || shouldEscape(c, PATH)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public String toString() {
    return raw;
  }
}
