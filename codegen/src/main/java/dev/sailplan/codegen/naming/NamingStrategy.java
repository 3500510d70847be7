package dev.sailplan.codegen.naming;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;

/**
 * Decides every Java name codegen emits: type names from property names, accessor names from JSON
 * names, enum constants from enum values. Nothing else in codegen invents a name.
 */
public final class NamingStrategy {
  private static final Set<String> ACRONYMS =
      Set.of(
          "http", "https", "tls", "tcp", "udp", "grpc", "jwt", "jwks", "url", "uri", "dns", "sni",
          "ip", "id", "lb", "mtls", "cors", "cidr", "sds", "xds", "api", "ca", "crl", "sa", "otel",
          "ttl");

  /** Reserved on generated types by Object, Immutables or Sailplan itself. */
  private static final Set<String> RESERVED_ACCESSORS =
      Set.of("hashCode", "toString", "getClass", "equals", "clone", "builder", "copyOf", "check");

  /**
   * The type name for the schema of property {@code property}.
   *
   * @param property the JSON property name
   * @param arrayItem whether the type is of the array's items (so the name is singular)
   */
  public String typeName(String property, boolean arrayItem) {
    List<String> words = words(property);
    if (arrayItem && !words.isEmpty()) {
      int last = words.size() - 1;
      words.set(last, singular(words.get(last)));
    }
    StringBuilder out = new StringBuilder();
    for (String w : words) {
      String lower = w.toLowerCase(Locale.ROOT);
      if (ACRONYMS.contains(lower)) {
        out.append(lower.toUpperCase(Locale.ROOT));
      } else {
        out.append(Character.toUpperCase(w.charAt(0))).append(w.substring(1));
      }
    }
    String name = out.toString();
    return name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0)) ? "T" + name : name;
  }

  /** The name of an enum type for property {@code property} of type {@code owner}. */
  public String enumName(String owner, String property) {
    return owner + typeName(property, false);
  }

  /**
   * Accessor names for all properties of one type. Istio keeps a few legacy snake_case aliases
   * ({@code jwks_uri} beside {@code jwksUri}); Immutables derives one constant from both, so the
   * snake_case one becomes {@code jwksUriSnakeCase}.
   */
  public List<String> accessorNames(List<String> jsonNames) {
    List<String> out = new ArrayList<>();
    Set<String> folded = new java.util.HashSet<>();
    for (String json : jsonNames) {
      if (!json.contains("_")) {
        folded.add(json.toLowerCase(Locale.ROOT));
      }
    }
    for (String json : jsonNames) {
      String name = accessorName(json);
      if (json.contains("_") && folded.contains(json.replace("_", "").toLowerCase(Locale.ROOT))) {
        name = accessorName(camel(json)) + "SnakeCase";
      }
      out.add(name);
    }
    return out;
  }

  private static String camel(String json) {
    StringBuilder b = new StringBuilder();
    for (String w : words(json)) {
      b.append(b.length() == 0 ? w : Character.toUpperCase(w.charAt(0)) + w.substring(1));
    }
    return b.toString();
  }

  /**
   * The accessor name for a JSON property: the JSON name itself when it is a valid Java name,
   * otherwise a camel-cased form; keywords and reserved names get a trailing underscore.
   */
  public String accessorName(String json) {
    String name = json;
    if (!isIdentifier(name)) {
      List<String> words = words(json);
      StringBuilder b = new StringBuilder();
      for (String w : words) {
        b.append(
            b.length() == 0
                ? w.toLowerCase(Locale.ROOT)
                : Character.toUpperCase(w.charAt(0)) + w.substring(1));
      }
      name =
          b.length() == 0 || !Character.isJavaIdentifierStart(b.charAt(0)) ? "_" + b : b.toString();
    }
    if (SourceVersion.isKeyword(name) || RESERVED_ACCESSORS.contains(name)) {
      name = name + "_";
    }
    return name;
  }

  /**
   * The enum constant for a value: {@code PathPrefix} → {@code PATH_PREFIX}, {@code ISTIO_MUTUAL}
   * stays, {@code *} → {@code WILDCARD}, {@code 301} → {@code _301}.
   */
  public String enumConstant(String value) {
    if (value.equals("*")) {
      return "WILDCARD";
    }
    if (value.isEmpty()) {
      return "EMPTY";
    }
    String name = String.join("_", words(value)).toUpperCase(Locale.ROOT);
    if (name.isEmpty() || !Character.isJavaIdentifierStart(name.charAt(0))) {
      name = "_" + name;
    }
    return SourceVersion.isKeyword(name) ? name + "_" : name;
  }

  /** Splits camelCase, PascalCase, snake_case, kebab-case and dotted names into words. */
  static List<String> words(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Character.isLetterOrDigit(c)) {
        flush(cur, out);
        continue;
      }
      if (cur.length() > 0) {
        char prev = s.charAt(i - 1);
        boolean lowerToUpper =
            Character.isUpperCase(c) && (Character.isLowerCase(prev) || Character.isDigit(prev));
        // "HTTPRoute": the R starts a word when a lower-case letter follows it.
        boolean acronymEnd =
            Character.isUpperCase(c)
                && Character.isUpperCase(prev)
                && i + 1 < s.length()
                && Character.isLowerCase(s.charAt(i + 1));
        if (lowerToUpper || acronymEnd) {
          flush(cur, out);
        }
      }
      cur.append(c);
    }
    flush(cur, out);
    return out;
  }

  private static void flush(StringBuilder cur, List<String> out) {
    if (cur.length() > 0) {
      out.add(cur.toString());
      cur.setLength(0);
    }
  }

  /** English singular of a plural property word, conservative: unknown shapes stay as they are. */
  static String singular(String w) {
    String lower = w.toLowerCase(Locale.ROOT);
    if (lower.length() <= 3 || ACRONYMS.contains(lower)) {
      return w;
    }
    if (lower.endsWith("ies")) {
      return w.substring(0, w.length() - 3) + "y";
    }
    if (lower.endsWith("sses")
        || lower.endsWith("shes")
        || lower.endsWith("ches")
        || lower.endsWith("xes")
        || lower.endsWith("ases")) {
      return w.substring(0, w.length() - 2);
    }
    if (lower.endsWith("s")
        && !lower.endsWith("ss")
        && !lower.endsWith("us")
        && !lower.endsWith("is")) {
      return w.substring(0, w.length() - 1);
    }
    return w;
  }

  private static boolean isIdentifier(String s) {
    return SourceVersion.isIdentifier(s) && !s.contains("$");
  }
}
