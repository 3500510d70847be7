package dev.sailplan.istio.internal.analysis;

import dev.sailplan.core.k8s.Namespace;
import dev.sailplan.core.k8s.Service;
import dev.sailplan.core.k8s.ServiceSpec;
import dev.sailplan.core.validation.Analyzer;
import dev.sailplan.core.validation.FieldPath;
import dev.sailplan.core.validation.KubeObject;
import dev.sailplan.core.validation.Level;
import dev.sailplan.core.validation.Mesh;
import dev.sailplan.core.validation.Report;
import dev.sailplan.core.validation.Reports;
import dev.sailplan.istio.security.v1.Action;
import dev.sailplan.istio.security.v1.AuthorizationPolicy;
import dev.sailplan.istio.security.v1.AuthorizationPolicySpec;
import dev.sailplan.istio.security.v1.Condition;
import dev.sailplan.istio.security.v1.From;
import dev.sailplan.istio.security.v1.MutualTLSMode;
import dev.sailplan.istio.security.v1.Operation;
import dev.sailplan.istio.security.v1.RequestAuthentication;
import dev.sailplan.istio.security.v1.RequestAuthenticationSpec;
import dev.sailplan.istio.security.v1.Rule;
import dev.sailplan.istio.security.v1.Source;
import dev.sailplan.istio.security.v1.To;
import dev.sailplan.istio.type.v1beta1.PolicyTargetReference;
import dev.sailplan.istio.type.v1beta1.WorkloadSelector;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The AuthorizationPolicy rules: SP2001 (an empty rule allows everything), SP2002 (DENY on HTTP
 * attributes without ports), SP2003 ({@code operation.hosts} on a sidecar), SP2004 (principals
 * without STRICT mTLS), SP2005 ({@code notPaths} in an ALLOW rule) and SP2009 (JWT attributes
 * without a RequestAuthentication).
 */
final class SecurityPolicyAnalyzer implements Analyzer {
  /** The Operation fields that only an HTTP request has, in the order they are reported. */
  private static final Map<String, Function<Operation, List<String>>> HTTP_OPERATION =
      httpOperation();

  @Override
  public void analyze(Mesh mesh, Reports reports) {
    SecurityMeshIndex index = new SecurityMeshIndex(mesh);
    SecurityMtlsModes modes = new SecurityMtlsModes(mesh);
    JwtCoverage jwt = new JwtCoverage(mesh);
    Set<String> namespaces = knownNamespaces(mesh);
    for (AuthorizationPolicy policy : mesh.all(AuthorizationPolicy.class)) {
      AuthorizationPolicySpec spec = policy.spec().orElse(null);
      if (spec == null) {
        continue;
      }
      Target target = Target.of(policy, spec, index);
      Report report = reports.on(policy);
      noWorkloads(report, spec, target, index);
      Action action = spec.action().orElse(Action.ALLOW);
      List<Rule> rules = spec.rules();
      for (int i = 0; i < rules.size(); i++) {
        Rule rule = rules.get(i);
        FieldPath at = FieldPath.root().field("spec").field("rules").index(i);
        if (action == Action.ALLOW) {
          emptyRule(report, rule, at, i);
          notPaths(report, rule, at);
          principals(report, rule, at, target, modes);
        }
        if (action == Action.DENY) {
          httpWithoutPorts(report, rule, at);
        }
        hosts(report, rule, at, target);
        jwt.check(report, rule, at, target);
        missingNamespaces(report, rule, at, namespaces, mesh);
      }
    }
  }

  /**
   * SP2013 (IST0127): a policy whose selector matches no pod has no effect; judged only when the
   * input holds workloads of its own.
   */
  private static void noWorkloads(
      Report report, AuthorizationPolicySpec spec, Target target, SecurityMeshIndex index) {
    if (!index.hasOwnWorkloads() || !target.refs.isEmpty() || target.meshWide) {
      return;
    }
    boolean root = target.namespace.equals(index.mesh().rootNamespace());
    List<KubeObject> pods =
        root
            ? index.selectAnywhere(target.selector)
            : index.select(target.namespace, target.selector);
    // Istio's default ingress gateway, when assumed, counts: a policy may select its pods.
    if (!pods.isEmpty()) {
      return;
    }
    report.add(
        "SP2013",
        "IST0127",
        Level.WARNING,
        spec.selector().isPresent()
            ? FieldPath.root().field("spec").field("selector")
            : FieldPath.root(),
        "",
        "no workload in the input matches this policy ("
            + target.describe()
            + "), so it has no effect; check the selector's labels");
  }

  /**
   * SP2014 (IST0101): {@code source.namespaces} naming a namespace the input does not define;
   * judged only when the input defines Namespaces, and never for one assumed external.
   */
  private static void missingNamespaces(
      Report report, Rule rule, FieldPath at, Set<String> namespaces, Mesh mesh) {
    if (namespaces.isEmpty()) {
      return;
    }
    List<From> from = rule.from();
    for (int k = 0; k < from.size(); k++) {
      Source s = from.get(k).source().orElse(null);
      if (s == null) {
        continue;
      }
      for (Map.Entry<String, List<String>> f :
          List.of(
              Map.entry("namespaces", s.namespaces()),
              Map.entry("notNamespaces", s.notNamespaces()))) {
        List<String> names = f.getValue();
        for (int n = 0; n < names.size(); n++) {
          String ns = names.get(n);
          if (ns.contains("*") || namespaces.contains(ns) || mesh.isExternal("Namespace", "", ns)) {
            continue;
          }
          report.add(
              "SP2014",
              "IST0101",
              Level.WARNING,
              at.field("from").index(k).field("source").field(f.getKey()).index(n),
              "",
              "namespace "
                  + ns
                  + " is not defined in the input, so no request comes from it; check the name");
        }
      }
    }
  }

  /** The Namespaces the input defines, empty when it defines none. */
  private static Set<String> knownNamespaces(Mesh mesh) {
    Set<String> out = new HashSet<>();
    for (Namespace ns : mesh.all(Namespace.class)) {
      out.add(ns.metadata().name().orElse(""));
    }
    return out;
  }

  /** SP2001: a rule with neither from, to nor when matches every request. */
  private static void emptyRule(Report report, Rule rule, FieldPath at, int i) {
    if (rule.from().isEmpty() && rule.to().isEmpty() && rule.when().isEmpty()) {
      report.add(
          "SP2001",
          "",
          Level.ERROR,
          at,
          "",
          "rule "
              + i
              + " is empty and matches every request, so this ALLOW policy allows all traffic to"
              + " the workloads it selects; a deny-all is spec: {} without rules");
    }
  }

  /** SP2005: ALLOW everything but some paths is bypassed by a path the proxy reads differently. */
  private static void notPaths(Report report, Rule rule, FieldPath at) {
    List<To> to = rule.to();
    for (int j = 0; j < to.size(); j++) {
      Optional<Operation> op = to.get(j).operation();
      if (op.isPresent() && !op.get().notPaths().isEmpty()) {
        report.add(
            "SP2005",
            "",
            Level.WARNING,
            at.field("to").index(j).field("operation").field("notPaths"),
            "",
            "ALLOW with notPaths "
                + op.get().notPaths()
                + " allows every other spelling of those paths (//, %2F) that the backend may"
                + " normalize to them; allow the paths that are meant with paths, or DENY these");
      }
    }
  }

  /** SP2002: in a DENY rule an HTTP attribute on a TCP port matches, so all TCP is denied. */
  private static void httpWithoutPorts(Report report, Rule rule, FieldPath at) {
    List<To> to = rule.to();
    boolean everyToHasPorts = !to.isEmpty();
    for (int j = 0; j < to.size(); j++) {
      Operation op = to.get(j).operation().orElse(null);
      boolean ports = op != null && !op.ports().isEmpty();
      everyToHasPorts &= ports;
      if (op != null && !ports) {
        for (Map.Entry<String, Function<Operation, List<String>>> f : HTTP_OPERATION.entrySet()) {
          if (!f.getValue().apply(op).isEmpty()) {
            denyTcp(
                report, at.field("to").index(j).field("operation").field(f.getKey()), f.getKey());
            return;
          }
        }
      }
    }
    if (everyToHasPorts) {
      return;
    }
    List<From> from = rule.from();
    for (int k = 0; k < from.size(); k++) {
      Source s = from.get(k).source().orElse(null);
      if (s != null && !s.requestPrincipals().isEmpty()) {
        denyTcp(
            report,
            at.field("from").index(k).field("source").field("requestPrincipals"),
            "requestPrincipals");
        return;
      }
      if (s != null && !s.notRequestPrincipals().isEmpty()) {
        denyTcp(
            report,
            at.field("from").index(k).field("source").field("notRequestPrincipals"),
            "notRequestPrincipals");
        return;
      }
    }
    List<Condition> when = rule.when();
    for (int k = 0; k < when.size(); k++) {
      if (isHttpKey(when.get(k).key())) {
        denyTcp(report, at.field("when").index(k).field("key"), when.get(k).key());
        return;
      }
    }
  }

  private static void denyTcp(Report report, FieldPath path, String field) {
    report.add(
        "SP2002",
        "",
        Level.ERROR,
        path,
        "",
        "DENY on "
            + field
            + " without ports: on a port that is not HTTP Istio cannot read "
            + field
            + " and the rule matches, so it denies all TCP traffic; add to.operation.ports with"
            + " the HTTP port");
  }

  /** SP2003: a sidecar passes the Host header through unchecked to the app; only gateways can. */
  private static void hosts(Report report, Rule rule, FieldPath at, Target target) {
    if (target.gateway) {
      return;
    }
    List<To> to = rule.to();
    for (int j = 0; j < to.size(); j++) {
      Operation op = to.get(j).operation().orElse(null);
      if (op == null) {
        continue;
      }
      String field = !op.hosts().isEmpty() ? "hosts" : !op.notHosts().isEmpty() ? "notHosts" : "";
      if (field.isEmpty()) {
        continue;
      }
      report.add(
          "SP2003",
          "",
          Level.ERROR,
          at.field("to").index(j).field("operation").field(field),
          "",
          "operation."
              + field
              + " on a policy for "
              + target.describe()
              + " is bypassed by calling a pod's IP with any Host header; check hosts in a policy"
              + " on the ingress gateway");
    }
  }

  /** SP2004: under PERMISSIVE, plaintext requests carry no principal to check. */
  private static void principals(
      Report report, Rule rule, FieldPath at, Target target, SecurityMtlsModes modes) {
    FieldPath path = null;
    String field = "";
    List<From> from = rule.from();
    for (int k = 0; k < from.size() && path == null; k++) {
      Source s = from.get(k).source().orElse(null);
      if (s == null) {
        continue;
      }
      for (Map.Entry<String, List<String>> f :
          Map.of(
                  "principals", s.principals(),
                  "notPrincipals", s.notPrincipals(),
                  "namespaces", s.namespaces(),
                  "notNamespaces", s.notNamespaces())
              .entrySet()
              .stream()
              .sorted(Map.Entry.comparingByKey())
              .toList()) {
        if (!f.getValue().isEmpty()) {
          path = at.field("from").index(k).field("source").field(f.getKey());
          field = "source." + f.getKey();
          break;
        }
      }
    }
    List<Condition> when = rule.when();
    for (int k = 0; k < when.size() && path == null; k++) {
      String key = when.get(k).key();
      if (key.equals("source.principal") || key.equals("source.namespace")) {
        path = at.field("when").index(k).field("key");
        field = key;
      }
    }
    if (path == null) {
      return;
    }
    for (Map<String, String> labels : target.labels) {
      SecurityMtlsModes.Resolved r =
          target.meshWide
              ? modes.resolveNamespace(target.namespace)
              : modes.resolve(target.namespace, labels);
      if (r.mode() != MutualTLSMode.STRICT) {
        report.add(
            "SP2004",
            "",
            Level.WARNING,
            path,
            "",
            "ALLOW by "
                + field
                + " while mTLS for "
                + target.describe()
                + " is "
                + r.describe()
                + ": a principal is only verified under STRICT, plaintext requests carry none;"
                + " make mTLS STRICT before relying on principals");
        return;
      }
    }
  }

  static boolean isHttpKey(String key) {
    return key.startsWith("request.");
  }

  private static Map<String, Function<Operation, List<String>>> httpOperation() {
    Map<String, Function<Operation, List<String>>> m = new LinkedHashMap<>();
    m.put("methods", Operation::methods);
    m.put("notMethods", Operation::notMethods);
    m.put("paths", Operation::paths);
    m.put("notPaths", Operation::notPaths);
    m.put("hosts", Operation::hosts);
    m.put("notHosts", Operation::notHosts);
    return m;
  }

  /** What a policy applies to: pods' label sets, or a gateway. */
  static final class Target {
    final String namespace;
    final Map<String, String> selector;
    final List<Map<String, String>> labels;
    final List<PolicyTargetReference> refs;
    final boolean gateway;
    final boolean meshWide;

    private Target(
        String namespace,
        Map<String, String> selector,
        List<Map<String, String>> labels,
        List<PolicyTargetReference> refs,
        boolean gateway,
        boolean meshWide) {
      this.namespace = namespace;
      this.selector = selector;
      this.labels = labels;
      this.refs = refs;
      this.gateway = gateway;
      this.meshWide = meshWide;
    }

    static Target of(
        AuthorizationPolicy policy, AuthorizationPolicySpec spec, SecurityMeshIndex index) {
      Mesh mesh = index.mesh();
      String ns = SecurityMeshIndex.namespace(policy);
      Map<String, String> selector =
          spec.selector().map(WorkloadSelector::matchLabels).orElse(Map.of());
      List<PolicyTargetReference> refs = new ArrayList<>(spec.targetRefs());
      spec.targetRef().ifPresent(refs::add);
      boolean gateway = refs.stream().anyMatch(r -> r.kind().equals("Gateway"));
      List<Map<String, String>> labels = new ArrayList<>();
      for (PolicyTargetReference r : refs) {
        if (r.kind().equals("Service")) {
          mesh.find("", "Service", r.namespace().orElse(ns), r.name())
              .map(s -> ((Service) s).spec().map(ServiceSpec::selector).orElse(Map.of()))
              .filter(sel -> !sel.isEmpty())
              .ifPresent(labels::add);
        }
      }
      boolean meshWide = ns.equals(mesh.rootNamespace()) && selector.isEmpty() && refs.isEmpty();
      if (refs.isEmpty()) {
        List<KubeObject> pods = mesh.hasWorkloads() ? index.select(ns, selector) : List.of();
        for (KubeObject w : pods) {
          labels.add(w.podLabels());
        }
        if (!selector.isEmpty()) {
          gateway =
              SecurityMeshIndex.isGatewayPod(selector)
                  || (!pods.isEmpty()
                      && pods.stream()
                          .allMatch(w -> SecurityMeshIndex.isGatewayPod(w.podLabels())));
        } else {
          gateway = !meshWide && index.isGatewayNamespace(ns);
        }
        if (labels.isEmpty()) {
          // Without the pods, their labels are at least the selector's.
          labels.add(selector);
        }
      }
      return new Target(ns, selector, labels, refs, gateway, meshWide);
    }

    /** {@code the workloads app=api in shop}, {@code every workload of the mesh}, … */
    String describe() {
      if (meshWide) {
        return "every workload of the mesh";
      }
      if (!refs.isEmpty()) {
        return refs.stream()
            .map(r -> r.kind() + " " + r.namespace().orElse(namespace) + "/" + r.name())
            .collect(Collectors.joining(", "));
      }
      if (selector.isEmpty()) {
        return "every workload of " + namespace;
      }
      return "the workloads "
          + selector.entrySet().stream()
              .sorted(Map.Entry.comparingByKey())
              .map(e -> e.getKey() + "=" + e.getValue())
              .collect(Collectors.joining(","))
          + " in "
          + namespace;
    }
  }

  /** SP2009: which workloads a RequestAuthentication validates JWTs for. */
  private static final class JwtCoverage {
    private final String root;
    private final Set<String> namespaceWide = new HashSet<>();
    private final Map<String, List<Map<String, String>>> selecting = new HashMap<>();
    private final Set<String> targeted = new HashSet<>();

    JwtCoverage(Mesh mesh) {
      this.root = mesh.rootNamespace();
      for (RequestAuthentication ra : mesh.all(RequestAuthentication.class)) {
        String ns = SecurityMeshIndex.namespace(ra);
        RequestAuthenticationSpec spec = ra.spec().orElse(null);
        if (spec == null || spec.jwtRules().isEmpty()) {
          continue;
        }
        List<PolicyTargetReference> refs = new ArrayList<>(spec.targetRefs());
        spec.targetRef().ifPresent(refs::add);
        Map<String, String> selector =
            spec.selector().map(WorkloadSelector::matchLabels).orElse(Map.of());
        if (!refs.isEmpty()) {
          for (PolicyTargetReference r : refs) {
            targeted.add(ns + "/" + r.kind() + "/" + r.name());
          }
        } else if (selector.isEmpty()) {
          namespaceWide.add(ns);
        } else {
          selecting.computeIfAbsent(ns, k -> new ArrayList<>()).add(selector);
        }
      }
    }

    void check(Report report, Rule rule, FieldPath at, Target target) {
      FieldPath path = null;
      String field = "";
      List<From> from = rule.from();
      for (int k = 0; k < from.size() && path == null; k++) {
        Source s = from.get(k).source().orElse(null);
        if (s != null && !s.requestPrincipals().isEmpty()) {
          path = at.field("from").index(k).field("source").field("requestPrincipals");
          field = "source.requestPrincipals";
        } else if (s != null && !s.notRequestPrincipals().isEmpty()) {
          path = at.field("from").index(k).field("source").field("notRequestPrincipals");
          field = "source.notRequestPrincipals";
        }
      }
      List<Condition> when = rule.when();
      for (int k = 0; k < when.size() && path == null; k++) {
        if (when.get(k).key().startsWith("request.auth.")) {
          path = at.field("when").index(k).field("key");
          field = when.get(k).key();
        }
      }
      if (path == null || covered(target)) {
        return;
      }
      report.add(
          "SP2009",
          "",
          Level.ERROR,
          path,
          "",
          field
              + " needs a RequestAuthentication that validates the JWT, and none applies to "
              + target.describe()
              + ": without a validated token it is never set, so the condition never matches");
    }

    private boolean covered(Target target) {
      if (namespaceWide.contains(root) || namespaceWide.contains(target.namespace)) {
        return true;
      }
      for (PolicyTargetReference r : target.refs) {
        if (targeted.contains(
            r.namespace().orElse(target.namespace) + "/" + r.kind() + "/" + r.name())) {
          return true;
        }
      }
      for (Map<String, String> labels : target.labels) {
        boolean any = false;
        for (Map<String, String> selector : selecting.getOrDefault(target.namespace, List.of())) {
          if (SecurityMeshIndex.selects(selector, labels)) {
            any = true;
            break;
          }
        }
        if (!any) {
          return false;
        }
      }
      return !target.labels.isEmpty();
    }
  }
}
