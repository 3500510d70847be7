package dev.sailplan.testing.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sailplan.core.Manifests;
import dev.sailplan.core.meta.Resource;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Whether a workload's sidecar lets a request through, by the AuthorizationPolicies that apply to
 * it, in Istio's order: CUSTOM (an external provider decides, which cannot be known offline), then
 * DENY (any matching rule denies), then ALLOW (without an ALLOW policy everything is allowed; with
 * some, a request no rule matches is denied). A field the request does not describe, or a condition
 * key that cannot be evaluated from it, makes a rule's match unknown rather than a guess; the
 * answer is undecidable only when such a rule could change it.
 */
public final class Authorization {
  private static final Pattern CLAIM = Pattern.compile("request\\.auth\\.claims\\[([^\\]]+)]");
  private static final Pattern HEADER = Pattern.compile("request\\.headers\\[([^\\]]+)]");
  private static final String GATEWAY_NAME = "gateway.networking.k8s.io/gateway-name";

  private Authorization() {}

  /** The answer. */
  public enum Verdict {
    ALLOWED,
    DENIED,
    UNDECIDABLE
  }

  /**
   * The answer and why.
   *
   * @param verdict allowed, denied, or undecidable offline
   * @param reason the deciding policy and rule, or why no answer can be given
   * @param notes what the answer relies on (policies not evaluated, mTLS caveats)
   */
  public record Decision(Verdict verdict, String reason, List<String> notes) {
    /** The reason, followed by the notes. */
    public String explain() {
      return notes.isEmpty() ? reason : reason + " (" + String.join("; ", notes) + ")";
    }
  }

  /** A field or key the request does not let us evaluate. */
  private static final class Undecidable extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Undecidable(String message) {
      super(message, null, false, false);
    }
  }

  /** Evaluates a request against the policies among the resources. */
  public static Decision evaluate(
      List<? extends Resource> resources, String rootNamespace, Request request) {
    List<String> notes = new ArrayList<>();
    List<JsonNode> custom = new ArrayList<>();
    List<JsonNode> deny = new ArrayList<>();
    List<JsonNode> allow = new ArrayList<>();
    for (Resource r : resources) {
      if (!"AuthorizationPolicy".equals(r.kind())) {
        continue;
      }
      JsonNode p = Manifests.toTree(r);
      if (!applies(p, rootNamespace, request, notes)) {
        continue;
      }
      switch (p.path("spec").path("action").asText("ALLOW")) {
        case "CUSTOM" -> custom.add(p);
        case "DENY" -> deny.add(p);
        case "ALLOW" -> allow.add(p);
        default -> notes.add("AuthorizationPolicy " + Labels.ref(p) + " only audits");
      }
    }
    // A matching DENY rule denies whatever CUSTOM says, and so does an ALLOW set no rule of which
    // matches: the external provider (or an unknown field) only matters to a request the rest
    // would let through.
    for (JsonNode p : deny) {
      Optional<Integer> rule = first(p, request, Kind.MATCH);
      if (rule.isPresent()) {
        return new Decision(
            Verdict.DENIED, "denied by " + name(p) + " spec.rules[" + rule.get() + "]", notes);
      }
    }
    List<String> misses = new ArrayList<>();
    Optional<String> allowUnknown = Optional.empty();
    Optional<String> allowedBy = Optional.empty();
    for (JsonNode p : allow) {
      JsonNode rules = p.path("spec").path("rules");
      if (rules.isEmpty()) {
        misses.add(name(p) + " has no rules, so it allows nothing");
      }
      for (int i = 0; i < rules.size() && allowedBy.isEmpty(); i++) {
        Match m = rule(rules.get(i), request);
        switch (m.kind()) {
          case MATCH -> allowedBy = Optional.of(name(p) + " spec.rules[" + i + "]");
          case MISS -> misses.add(name(p) + " spec.rules[" + i + "]: " + m.reason());
          case UNKNOWN -> allowUnknown = allowUnknown.or(() -> Optional.of(m.reason()));
        }
      }
    }
    if (!allow.isEmpty() && allowedBy.isEmpty() && allowUnknown.isEmpty()) {
      return new Decision(
          Verdict.DENIED,
          "denied: ALLOW policies apply to the workload and none of their rules matches ("
              + String.join("; ", misses)
              + ")",
          notes);
    }
    for (JsonNode p : deny) {
      Optional<Integer> rule = first(p, request, Kind.UNKNOWN);
      if (rule.isPresent()) {
        return new Decision(
            Verdict.UNDECIDABLE,
            name(p)
                + " spec.rules["
                + rule.get()
                + "]: "
                + rule(ruleAt(p, rule.get()), request).reason(),
            notes);
      }
    }
    if (allowUnknown.isPresent()) {
      return new Decision(Verdict.UNDECIDABLE, allowUnknown.get(), notes);
    }
    for (JsonNode p : custom) {
      String provider = p.path("spec").path("provider").path("name").asText("(none)");
      Optional<Integer> rule = first(p, request, Kind.MATCH);
      if (rule.isPresent()) {
        return new Decision(
            Verdict.UNDECIDABLE,
            "rule "
                + rule.get()
                + " of "
                + name(p)
                + " hands the request to the external provider "
                + provider
                + ", whose answer cannot be known offline",
            notes);
      }
      Optional<Integer> maybe = first(p, request, Kind.UNKNOWN);
      if (maybe.isPresent()) {
        return new Decision(
            Verdict.UNDECIDABLE,
            "rule "
                + maybe.get()
                + " of "
                + name(p)
                + " may hand the request to the external provider "
                + provider
                + " ("
                + rule(ruleAt(p, maybe.get()), request).reason()
                + ")",
            notes);
      }
    }
    return new Decision(
        Verdict.ALLOWED,
        allowedBy
            .map(r -> "allowed by " + r)
            .orElse("allowed: no DENY rule matches and no ALLOW policy applies to the workload"),
        notes);
  }

  private static JsonNode ruleAt(JsonNode p, int i) {
    return p.path("spec").path("rules").get(i);
  }

  /** The first rule of a policy whose match is of this kind. */
  private static Optional<Integer> first(JsonNode p, Request request, Kind kind) {
    JsonNode rules = p.path("spec").path("rules");
    for (int i = 0; i < rules.size(); i++) {
      if (rule(rules.get(i), request).kind() == kind) {
        return Optional.of(i);
      }
    }
    return Optional.empty();
  }

  private static String name(JsonNode p) {
    return "AuthorizationPolicy "
        + Labels.ref(p)
        + " ("
        + p.path("spec").path("action").asText("ALLOW")
        + ")";
  }

  /** Whether the policy selects the workload: its namespace or the root's, selector, targets. */
  private static boolean applies(JsonNode p, String root, Request request, List<String> notes) {
    String ns = p.path("metadata").path("namespace").asText("");
    if (!ns.equals(request.namespace()) && !ns.equals(root)) {
      return false;
    }
    if ("true".equals(p.path("metadata").path("annotations").path("istio.io/dry-run").asText())) {
      // A dry run is logged and reported, never enforced.
      notes.add("AuthorizationPolicy " + Labels.ref(p) + " is a dry run (istio.io/dry-run)");
      return false;
    }
    JsonNode spec = p.path("spec");
    List<JsonNode> targets = new ArrayList<>();
    spec.path("targetRefs").forEach(targets::add);
    if (spec.has("targetRef")) {
      targets.add(spec.path("targetRef"));
    }
    if (!targets.isEmpty()) {
      // A policy with targets binds to Gateways (and waypoints), never by pod labels: a Gateway's
      // pods carry its name in a label, anything else is not evaluated here.
      for (JsonNode t : targets) {
        if ("Gateway".equals(t.path("kind").asText())
            && ns.equals(request.namespace())
            && t.path("name").asText().equals(request.labels().get(GATEWAY_NAME))) {
          return true;
        }
      }
      notes.add(
          "AuthorizationPolicy "
              + Labels.ref(p)
              + " binds to targetRefs, not to this workload's pod labels, and is not evaluated");
      return false;
    }
    return Labels.matches(spec.path("selector").path("matchLabels"), request.labels());
  }

  private enum Kind {
    MATCH,
    MISS,
    UNKNOWN
  }

  /** Whether a rule or a part of one matches; why not, or why it cannot be told. */
  private record Match(Kind kind, String reason) {
    static final Match YES = new Match(Kind.MATCH, "");

    /** One check: a mismatch's reason, nothing when it matches, or {@link Undecidable}. */
    static Match of(Supplier<Optional<String>> check) {
      try {
        return check.get().map(r -> new Match(Kind.MISS, r)).orElse(YES);
      } catch (Undecidable e) {
        return new Match(Kind.UNKNOWN, e.getMessage());
      }
    }

    /** All must match: one mismatch decides, else one unknown does. */
    static Match all(List<Match> parts) {
      return parts.stream()
          .filter(m -> m.kind() == Kind.MISS)
          .findFirst()
          .or(() -> parts.stream().filter(m -> m.kind() == Kind.UNKNOWN).findFirst())
          .orElse(YES);
    }

    /** One must match; an empty list matches (an absent {@code from} or {@code to}). */
    static Match any(List<Match> parts) {
      if (parts.isEmpty() || parts.stream().anyMatch(m -> m.kind() == Kind.MATCH)) {
        return YES;
      }
      return parts.stream()
          .filter(m -> m.kind() == Kind.UNKNOWN)
          .findFirst()
          .orElse(
              new Match(
                  Kind.MISS, String.join(", nor ", parts.stream().map(Match::reason).toList())));
    }
  }

  /** Whether a rule matches: its sources, its operations and its conditions. */
  private static Match rule(JsonNode rule, Request request) {
    List<Match> parts = new ArrayList<>();
    parts.add(
        Match.of(
            () -> {
              known(rule, Set.of("from", "to", "when"), "a rule");
              return Optional.empty();
            }));
    List<Match> from = new ArrayList<>();
    rule.path("from").forEach(f -> from.add(source(f.path("source"), request)));
    parts.add(Match.any(from));
    List<Match> to = new ArrayList<>();
    rule.path("to").forEach(t -> to.add(operation(t.path("operation"), request)));
    parts.add(Match.any(to));
    rule.path("when").forEach(c -> parts.add(Match.of(() -> condition(c, request))));
    return Match.all(parts);
  }

  private static Match source(JsonNode s, Request r) {
    Match fields = Match.of(() -> knownSource(s));
    return fields.kind() == Kind.MATCH ? sourceFields(s, r) : fields;
  }

  private static Optional<String> knownSource(JsonNode s) {
    known(
        s,
        Set.of(
            "principals",
            "notPrincipals",
            "namespaces",
            "notNamespaces",
            "requestPrincipals",
            "notRequestPrincipals",
            "ipBlocks",
            "notIpBlocks",
            "remoteIpBlocks",
            "notRemoteIpBlocks"),
        "a source");
    return Optional.empty();
  }

  private static Match sourceFields(JsonNode s, Request r) {
    return Match.all(
        List.of(
            Match.of(() -> strings(s, "principals", "principal", r.principal())),
            Match.of(() -> strings(s, "namespaces", "source namespace", r.sourceNamespace())),
            Match.of(
                () -> strings(s, "requestPrincipals", "request principal", r.requestPrincipal())),
            Match.of(() -> ips(s, "ipBlocks", r.sourceIp())),
            // Without X-Forwarded-For or PROXY protocol the client's address is the peer's.
            Match.of(() -> ips(s, "remoteIpBlocks", r.sourceIp()))));
  }

  private static Match operation(JsonNode o, Request r) {
    Match fields =
        Match.of(
            () -> {
              known(
                  o,
                  Set.of(
                      "hosts",
                      "notHosts",
                      "ports",
                      "notPorts",
                      "methods",
                      "notMethods",
                      "paths",
                      "notPaths"),
                  "an operation");
              return Optional.empty();
            });
    if (fields.kind() != Kind.MATCH) {
      return fields;
    }
    int query = r.path().indexOf('?');
    String path = query < 0 ? r.path() : r.path().substring(0, query);
    return Match.all(
        List.of(
            Match.of(() -> strings(o, "methods", "method", r.method())),
            Match.of(
                () -> {
                  o.path("paths").forEach(p -> templates(p.asText()));
                  o.path("notPaths").forEach(p -> templates(p.asText()));
                  return strings(o, "paths", "path", path);
                }),
            Match.of(
                () -> {
                  if ((o.has("hosts") || o.has("notHosts")) && r.host() == null) {
                    throw new Undecidable(
                        "a rule matches on hosts, and the request names no host (give one)");
                  }
                  return r.host() == null
                      ? Optional.empty()
                      : strings(o, "hosts", "host", r.host().toLowerCase(Locale.ROOT), true);
                }),
            Match.of(
                () -> {
                  if ((o.has("ports") || o.has("notPorts")) && r.port() == null) {
                    throw new Undecidable(
                        "a rule matches on ports, and the request names no port (give one)");
                  }
                  return r.port() == null
                      ? Optional.empty()
                      : strings(o, "ports", "port", r.port().toString());
                })));
  }

  private static void templates(String path) {
    if (path.contains("{")) {
      throw new Undecidable("path template " + path + " is not evaluated offline");
    }
  }

  private static Optional<String> condition(JsonNode c, Request r) {
    String key = c.path("key").asText();
    if (key.equals("source.ip") || key.equals("remote.ip")) {
      return ips(c, "values", r.sourceIp()).map(miss -> "condition " + key + ": " + miss);
    }
    List<String> values = values(key, r);
    Optional<String> in = matchAny(c.path("values"), values, false);
    if (c.has("values") && in.isEmpty()) {
      return Optional.of(
          "condition " + key + " " + show(values) + " is not in " + c.path("values"));
    }
    if (matchAny(c.path("notValues"), values, false).isPresent()) {
      return Optional.of(
          "condition " + key + " " + show(values) + " is in notValues " + c.path("notValues"));
    }
    return Optional.empty();
  }

  /** The request's values for a condition key; a key it cannot know is undecidable. */
  private static List<String> values(String key, Request r) {
    Matcher claim = CLAIM.matcher(key);
    if (claim.matches()) {
      return r.claims().getOrDefault(claim.group(1), List.of());
    }
    Matcher header = HEADER.matcher(key);
    if (header.matches()) {
      String v = r.headers().get(header.group(1).toLowerCase(Locale.ROOT));
      return v == null ? List.of() : List.of(v);
    }
    return switch (key) {
      case "source.principal" -> present(r.principal());
      case "source.namespace" -> present(r.sourceNamespace());
      case "request.auth.principal" -> present(r.requestPrincipal());
      case "destination.port" -> r.port() == null ? unknown(key) : List.of(r.port().toString());
      default -> unknown(key);
    };
  }

  private static List<String> present(String v) {
    return v.isEmpty() ? List.of() : List.of(v);
  }

  private static List<String> unknown(String key) {
    throw new Undecidable("condition key " + key + " cannot be evaluated from the request");
  }

  private static String show(List<String> values) {
    return values.isEmpty() ? "(absent)" : String.join(", ", values);
  }

  private static Optional<String> strings(JsonNode node, String field, String what, String value) {
    return strings(node, field, what, value, false);
  }

  /** A field and its {@code not} twin against one value, with Istio's string matching. */
  private static Optional<String> strings(
      JsonNode node, String field, String what, String value, boolean ignoreCase) {
    String not = "not" + Character.toUpperCase(field.charAt(0)) + field.substring(1);
    List<String> v = present(value);
    if (node.has(field) && matchAny(node.path(field), v, ignoreCase).isEmpty()) {
      return Optional.of(what + " " + show(v) + " is not in " + field + " " + node.path(field));
    }
    if (matchAny(node.path(not), v, ignoreCase).isPresent()) {
      return Optional.of(what + " " + show(v) + " is in " + not + " " + node.path(not));
    }
    return Optional.empty();
  }

  /** The first pattern that matches one of the values. */
  private static Optional<String> matchAny(JsonNode patterns, List<String> values, boolean ic) {
    for (JsonNode p : patterns) {
      for (String v : values) {
        if (matches(p.asText(), v, ic)) {
          return Optional.of(p.asText());
        }
      }
    }
    return Optional.empty();
  }

  /** Istio's string match: exact, {@code prefix*}, {@code *suffix}, or {@code *} (any value). */
  static boolean matches(String pattern, String value, boolean ignoreCase) {
    String p = ignoreCase ? pattern.toLowerCase(Locale.ROOT) : pattern;
    String v = ignoreCase ? value.toLowerCase(Locale.ROOT) : value;
    if (p.equals("*")) {
      return !v.isEmpty();
    }
    if (p.startsWith("*")) {
      return v.endsWith(p.substring(1));
    }
    if (p.endsWith("*")) {
      return v.startsWith(p.substring(0, p.length() - 1));
    }
    return p.equals(v);
  }

  private static Optional<String> ips(JsonNode s, String field, String ip) {
    String not = "not" + Character.toUpperCase(field.charAt(0)) + field.substring(1);
    if (!s.has(field) && !s.has(not)) {
      return Optional.empty();
    }
    if (ip == null) {
      throw new Undecidable(
          "a rule matches on "
              + s.path("key").asText(field)
              + ", and the request names no source IP");
    }
    boolean in = false;
    for (JsonNode b : s.path(field)) {
      in |= inBlock(ip, b.asText());
    }
    if (s.has(field) && !in) {
      return Optional.of("source IP " + ip + " is not in " + field + " " + s.path(field));
    }
    for (JsonNode b : s.path(not)) {
      if (inBlock(ip, b.asText())) {
        return Optional.of("source IP " + ip + " is in " + not + " " + s.path(not));
      }
    }
    return Optional.empty();
  }

  /** Whether an address is in a block, {@code a.b.c.d/n} or a single address; IPv4 and IPv6. */
  static boolean inBlock(String ip, String block) {
    int slash = block.indexOf('/');
    byte[] addr = literal(ip);
    byte[] net = literal(slash < 0 ? block : block.substring(0, slash));
    if (addr.length != net.length) {
      return false;
    }
    int bits = slash < 0 ? addr.length * 8 : Integer.parseInt(block.substring(slash + 1));
    int shift = addr.length * 8 - bits;
    return new BigInteger(1, addr)
        .shiftRight(shift)
        .equals(new BigInteger(1, net).shiftRight(shift));
  }

  private static byte[] literal(String ip) {
    // Only literals: a host name here would mean a DNS lookup, which a test must not do.
    if (!ip.matches("[0-9a-fA-F:.]+")) {
      throw new IllegalArgumentException("not an IP address: " + ip);
    }
    try {
      return InetAddress.getByName(ip).getAddress();
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException("not an IP address: " + ip, e);
    }
  }

  private static void known(JsonNode node, Set<String> fields, String what) {
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String f = e.getKey();
      if (!fields.contains(f)) {
        throw new Undecidable(what + "'s field " + f + " is not evaluated offline");
      }
    }
  }
}
