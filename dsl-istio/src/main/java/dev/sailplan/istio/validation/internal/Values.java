package dev.sailplan.istio.validation.internal;

import dev.sailplan.core.value.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Ports, protocols, durations, regular expressions and header names as istiod checks them. */
final class Values {
  private static final Set<String> PROTOCOLS =
      Set.of(
          "tcp",
          "udp",
          "grpc",
          "grpc-web",
          "http",
          "http_proxy",
          "http2",
          "https",
          "tls",
          "mongo",
          "redis",
          "mysql");
  private static final Set<String> HTTP = Set.of("http", "http2", "http_proxy", "grpc", "grpc-web");
  private static final Pattern HEADER = Pattern.compile("[-_A-Za-z0-9]+");
  private static final long MILLI = 1_000_000L;

  private Values() {}

  /** Null when {@code port} is a port number, else istiod's message. */
  static String port(long port) {
    return port >= 1 && port <= 65535
        ? null
        : "port number " + port + " must be in the range 1..65535";
  }

  /** A number as Go's {@code %v} prints a float64: {@code 150}, {@code 0.5}. */
  static String goFloat(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e21 ? Long.toString((long) v) : Double.toString(v);
  }

  /** Null when {@code name} may name a port, else istiod's message. */
  static String portName(String name) {
    return Names.isDnsLabel(name) ? null : "invalid port name: " + name;
  }

  /** Null when istiod knows {@code protocol} (an empty one is sniffed), else its message. */
  static String protocol(String protocol) {
    return protocol.isEmpty() || isProtocol(protocol) ? null : "unsupported protocol: " + protocol;
  }

  /** Whether istiod knows the protocol. */
  static boolean isProtocol(String protocol) {
    return PROTOCOLS.contains(protocol.toLowerCase(Locale.ROOT));
  }

  static boolean isHttp(String protocol) {
    return HTTP.contains(protocol.toLowerCase(Locale.ROOT));
  }

  static boolean isTls(String protocol) {
    String p = protocol.toLowerCase(Locale.ROOT);
    return p.equals("https") || p.equals("tls");
  }

  /**
   * Null unless the duration has a part below a millisecond; the CRD's rules check that it is at
   * least 1ms, not this.
   */
  static String millis(Duration d) {
    long nanos = d.toJava().toNanos();
    return nanos >= MILLI && nanos % MILLI != 0
        ? "only durations to ms precision are supported"
        : null;
  }

  /**
   * Null when {@code re} is a regular expression Envoy's RE2 accepts, else why not. RE2 has no
   * look-around, back references, atomic groups or possessive quantifiers, which Java would accept.
   */
  static String regex(String re) {
    if (re.isEmpty()) {
      return "regex string match should not be empty";
    }
    if (re.length() > 1024) {
      return "regex is too large, max length allowed is 1024";
    }
    String unsupported = notRe2(re);
    if (unsupported != null) {
      return "error parsing regexp: invalid or unsupported Perl syntax: `" + unsupported + "`";
    }
    try {
      // RE2 also names groups (?P<name>...), which Java writes (?<name>...).
      Pattern.compile(re.replace("(?P<", "(?<"));
      return null;
    } catch (PatternSyntaxException e) {
      return "error parsing regexp: " + e.getDescription() + " at index " + e.getIndex();
    }
  }

  private static String notRe2(String re) {
    boolean inClass = false;
    for (int i = 0; i < re.length(); i++) {
      char c = re.charAt(i);
      if (c == '\\' && i + 1 < re.length()) {
        char next = re.charAt(++i);
        if (!inClass && next >= '1' && next <= '9') {
          return "\\" + next;
        }
      } else if (inClass) {
        inClass = c != ']';
      } else if (c == '[') {
        inClass = true;
        if (i + 1 < re.length() && re.charAt(i + 1) == ']') {
          i++; // a leading ] is a literal member of the class
        }
      } else if (c == '(' && re.startsWith("(?", i)) {
        for (String group : new String[] {"(?=", "(?!", "(?<=", "(?<!", "(?>"}) {
          if (re.startsWith(group, i)) {
            return group;
          }
        }
      } else if ((c == '*' || c == '+' || c == '?' || c == '}')
          && i + 1 < re.length()
          && re.charAt(i + 1) == '+') {
        return "" + c + '+';
      }
    }
    return null;
  }

  /** A header name to match on or to configure; null when valid. */
  static String headerName(String name) {
    if (name.isEmpty()) {
      return "header name cannot be empty";
    }
    return HEADER.matcher(name).matches()
        ? null
        : "header name " + name + " is not a valid header name";
  }
}
