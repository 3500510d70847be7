package dev.sailplan.istio.validation.internal;

import dev.sailplan.core.validation.FieldPath;
import dev.sailplan.istio.security.v1.Action;
import dev.sailplan.istio.security.v1.AuthorizationPolicy;
import dev.sailplan.istio.security.v1.AuthorizationPolicySpec;
import dev.sailplan.istio.security.v1.Condition;
import dev.sailplan.istio.security.v1.Operation;
import dev.sailplan.istio.security.v1.Rule;
import dev.sailplan.istio.security.v1.Source;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What istiod's {@code ValidateAuthorizationPolicy} rejects. */
public final class AuthorizationPolicyRules {
  private AuthorizationPolicyRules() {}

  /** Checks {@code policy}. */
  public static void check(AuthorizationPolicy policy, Rejections out) {
    AuthorizationPolicySpec spec = policy.spec().orElse(AuthorizationPolicySpec.builder().build());
    FieldPath path = FieldPath.root().field("spec");
    Action action = spec.action().orElse(Action.ALLOW);
    if (action == Action.CUSTOM) {
      if (spec.rules().isEmpty()) {
        out.add(
            "SP0430",
            path,
            "CUSTOM action without `rules` is meaningless as it will never be triggered, add an"
                + " empty rule `{}` if you want it be triggered for every request");
      } else if (spec.provider().flatMap(p -> p.name()).orElse("").isEmpty()) {
        out.add("SP0429", path.field("provider"), "`provider.name` must not be empty");
      }
      custom(spec.rules(), path.field("rules"), out);
    } else if (spec.provider().isPresent()) {
      out.add(
          "SP0429",
          path.field("provider"),
          "`provider` must not be with non CUSTOM action, found " + action);
    }
    if (action == Action.DENY && spec.rules().isEmpty()) {
      out.add(
          "SP0430",
          path,
          "DENY action without `rules` is meaningless as it will never be triggered, add an empty"
              + " rule `{}` if you want it be triggered for every request");
    }
    for (int i = 0; i < spec.rules().size(); i++) {
      rule(spec.rules().get(i), i, path.field("rules").index(i), out);
    }
  }

  /** What an external authorizer cannot be asked about: the peer's identity, a JWT's claims. */
  private static void custom(List<Rule> rules, FieldPath path, Rejections out) {
    for (int i = 0; i < rules.size(); i++) {
      Rule rule = rules.get(i);
      for (int j = 0; j < rule.from().size(); j++) {
        if (rule.from().get(j).source().isEmpty()) {
          continue;
        }
        Source s = rule.from().get(j).source().get();
        FieldPath at = path.index(i).field("from").index(j).field("source");
        Map<String, List<String>> fields = new LinkedHashMap<>();
        fields.put("Namespaces", s.namespaces());
        fields.put("NotNamespaces", s.notNamespaces());
        fields.put("ServiceAccounts", s.serviceAccounts());
        fields.put("NotServiceAccounts", s.notServiceAccounts());
        fields.put("Principals", s.principals());
        fields.put("NotPrincipals", s.notPrincipals());
        fields.put("RequestPrincipals", s.requestPrincipals());
        fields.put("NotRequestPrincipals", s.notRequestPrincipals());
        fields.forEach(
            (name, values) -> {
              if (!values.isEmpty()) {
                out.add(
                    "SP0431",
                    at.field(lowerFirst(name)),
                    "From." + name + " is currently not supported with CUSTOM action");
              }
            });
      }
      for (int k = 0; k < rule.when().size(); k++) {
        String key = rule.when().get(k).key();
        if (key.equals("source.namespace")
            || key.equals("source.serviceAccount")
            || key.equals("source.principal")
            || key.startsWith("request.auth.")) {
          out.add(
              "SP0431",
              path.index(i).field("when").index(k).field("key"),
              key + " is currently not supported with CUSTOM action");
        }
      }
    }
  }

  private static String lowerFirst(String s) {
    return Character.toLowerCase(s.charAt(0)) + s.substring(1);
  }

  private static void rule(Rule rule, int i, FieldPath path, Rejections out) {
    for (int j = 0; j < rule.from().size(); j++) {
      FieldPath at = path.field("from").index(j);
      if (rule.from().get(j).source().isEmpty()) {
        out.add("SP0432", at, "`from.source` must not be nil, found at rule " + i);
      } else {
        source(rule.from().get(j).source().get(), i, at.field("source"), out);
      }
    }
    for (int j = 0; j < rule.to().size(); j++) {
      FieldPath at = path.field("to").index(j);
      if (rule.to().get(j).operation().isEmpty()) {
        out.add("SP0432", at, "`to.operation` must not be nil, found at rule " + i);
      } else {
        operation(rule.to().get(j).operation().get(), i, at.field("operation"), out);
      }
    }
    for (int k = 0; k < rule.when().size(); k++) {
      condition(rule.when().get(k), path.field("when").index(k), out);
    }
  }

  private static void source(Source s, int rule, FieldPath path, Rejections out) {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    fields.put("principals", s.principals());
    fields.put("requestPrincipals", s.requestPrincipals());
    fields.put("namespaces", s.namespaces());
    fields.put("serviceAccounts", s.serviceAccounts());
    fields.put("ipBlocks", s.ipBlocks());
    fields.put("remoteIpBlocks", s.remoteIpBlocks());
    fields.put("notPrincipals", s.notPrincipals());
    fields.put("notRequestPrincipals", s.notRequestPrincipals());
    fields.put("notNamespaces", s.notNamespaces());
    fields.put("notServiceAccounts", s.notServiceAccounts());
    fields.put("notIpBlocks", s.notIpBlocks());
    fields.put("notRemoteIpBlocks", s.notRemoteIpBlocks());
    boolean empty =
        fields.values().stream().allMatch(List::isEmpty)
            && s.trustDomains().isEmpty()
            && s.notTrustDomains().isEmpty();
    if (empty) {
      out.add("SP0432", path, "`from.source` must not be empty, found at rule " + rule);
    }
    fields.forEach((name, values) -> emptyValues(name, values, path.field(name), out));
    for (String name : List.of("ipBlocks", "remoteIpBlocks", "notIpBlocks", "notRemoteIpBlocks")) {
      List<String> values = fields.get(name);
      for (int i = 0; i < values.size(); i++) {
        if (!values.get(i).isEmpty()) {
          out.addIfAny("SP0428", path.field(name).index(i), Addresses.block(values.get(i)));
        }
      }
    }
  }

  private static void operation(Operation op, int rule, FieldPath path, Rejections out) {
    Map<String, List<String>> fields = new LinkedHashMap<>();
    fields.put("ports", op.ports());
    fields.put("methods", op.methods());
    fields.put("paths", op.paths());
    fields.put("hosts", op.hosts());
    fields.put("notPorts", op.notPorts());
    fields.put("notMethods", op.notMethods());
    fields.put("notPaths", op.notPaths());
    fields.put("notHosts", op.notHosts());
    if (fields.values().stream().allMatch(List::isEmpty)) {
      out.add("SP0432", path, "`to.operation` must not be empty, found at rule " + rule);
    }
    fields.forEach((name, values) -> emptyValues(name, values, path.field(name), out));
    for (String name : List.of("ports", "notPorts")) {
      List<String> values = fields.get(name);
      for (int i = 0; i < values.size(); i++) {
        if (!values.get(i).isEmpty() && !isPort(values.get(i))) {
          out.add("SP0423", path.field(name).index(i), "bad port (" + values.get(i) + ")");
        }
      }
    }
  }

  static boolean isPort(String s) {
    if (s.isEmpty() || s.length() > 5 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return false;
    }
    return Integer.parseInt(s) <= 65535;
  }

  private static void emptyValues(
      String name, List<String> values, FieldPath path, Rejections out) {
    for (int i = 0; i < values.size(); i++) {
      if (values.get(i).isEmpty()) {
        String field = Character.toUpperCase(name.charAt(0)) + name.substring(1);
        out.add("SP0432", path.index(i), "empty value not allowed, found in " + field);
        return;
      }
    }
  }

  private static void condition(Condition c, FieldPath path, Rejections out) {
    String key = c.key();
    if (key.isEmpty()) {
      out.add("SP0432", path.field("key"), "`key` must not be empty");
      return;
    }
    if (c.values().isEmpty() && c.notValues().isEmpty()) {
      out.add("SP0432", path, "at least one of `values` or `notValues` must be set for key " + key);
      return;
    }
    String values = Conditions.problem(key, c.values());
    if (values != null) {
      out.add("SP0433", path.field("values"), "invalid `value` for `key` " + key + ": " + values);
    }
    String notValues = Conditions.problem(key, c.notValues());
    if (notValues != null) {
      out.add(
          "SP0433",
          path.field("notValues"),
          "invalid `notValue` for `key` " + key + ": " + notValues);
    }
  }
}
