package dev.sailplan.javaimport.internal;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.sailplan.core.k8s.LabelSelector;
import dev.sailplan.core.k8s.LabelSelectorRequirement;
import dev.sailplan.core.k8s.LocalObjectReference;
import dev.sailplan.core.k8s.Namespace;
import dev.sailplan.core.k8s.ObjectReference;
import dev.sailplan.core.meta.ObjectMeta;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.value.Duration;
import dev.sailplan.gatewayapi.GatewayApi;
import dev.sailplan.istio.Observability;
import dev.sailplan.istio.Security;
import dev.sailplan.istio.Selectors;
import dev.sailplan.istio.Traffic;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The hand-written factories the emitter prefers to builders, as a table: which factory builds a
 * value of a type from which of its attributes. A rule is used only when calling the factory with
 * the value's attributes gives exactly the value (possibly after {@code withX} calls the rule
 * allows, as in {@code routeTo("reviews", "v1").withWeight(90)}): every rewrite is checked by
 * building it.
 */
final class FactoryRules {
  static final ClassName TRAFFIC = ClassName.get(Traffic.class);

  /**
   * One factory.
   *
   * @param args dotted attribute paths, or {@code ref} for a resource's {@code namespace/name}
   * @param withs attributes that may differ from what the factory gives, set by copy methods
   * @param qualified whether the call is written {@code Type.method(…)} rather than statically
   *     imported (for short names such as {@code of} and {@code named})
   */
  private record Rule(
      Method method, ClassName owner, List<String> args, List<String> withs, boolean qualified) {}

  private final ValueCode code;
  private final Map<Class<?>, List<Rule>> rules = new HashMap<>();

  FactoryRules(ValueCode code) {
    this.code = code;
    // Resources named by a reference: the kind's factory when only name and namespace are set.
    resource(
        Traffic.class,
        "virtualService",
        dev.sailplan.istio.networking.v1.VirtualService.class,
        dev.sailplan.istio.networking.v1.VirtualServiceSpec.class);
    resource(
        Traffic.class,
        "destinationRule",
        dev.sailplan.istio.networking.v1.DestinationRule.class,
        dev.sailplan.istio.networking.v1.DestinationRuleSpec.class);
    resource(
        Traffic.class,
        "gateway",
        dev.sailplan.istio.networking.v1.Gateway.class,
        dev.sailplan.istio.networking.v1.GatewaySpec.class);
    resource(
        Traffic.class,
        "serviceEntry",
        dev.sailplan.istio.networking.v1.ServiceEntry.class,
        dev.sailplan.istio.networking.v1.ServiceEntrySpec.class);
    resource(
        Traffic.class,
        "sidecar",
        dev.sailplan.istio.networking.v1.Sidecar.class,
        dev.sailplan.istio.networking.v1.SidecarSpec.class);
    resource(
        Security.class,
        "authorizationPolicy",
        dev.sailplan.istio.security.v1.AuthorizationPolicy.class,
        dev.sailplan.istio.security.v1.AuthorizationPolicySpec.class);
    resource(
        Security.class,
        "peerAuthentication",
        dev.sailplan.istio.security.v1.PeerAuthentication.class,
        dev.sailplan.istio.security.v1.PeerAuthenticationSpec.class);
    resource(
        Security.class,
        "requestAuthentication",
        dev.sailplan.istio.security.v1.RequestAuthentication.class,
        dev.sailplan.istio.security.v1.RequestAuthenticationSpec.class);
    resource(
        Observability.class,
        "telemetry",
        dev.sailplan.istio.telemetry.v1.Telemetry.class,
        dev.sailplan.istio.telemetry.v1.TelemetrySpec.class);
    resource(
        GatewayApi.class,
        "gateway",
        dev.sailplan.gatewayapi.v1.Gateway.class,
        dev.sailplan.gatewayapi.v1.GatewaySpec.class);
    resource(
        GatewayApi.class,
        "httpRoute",
        dev.sailplan.gatewayapi.v1.HTTPRoute.class,
        dev.sailplan.gatewayapi.v1.HTTPRouteSpec.class);
    resource(
        GatewayApi.class,
        "referenceGrant",
        dev.sailplan.gatewayapi.v1.ReferenceGrant.class,
        dev.sailplan.gatewayapi.v1.ReferenceGrantSpec.class);
    qualified(Namespace.class, "named", types(String.class), "ref");

    // Metadata: a reference, labels and annotations as copies when there are some.
    qualified(
        ObjectMeta.class, "ref", types(String.class), "ref", List.of("labels", "annotations"));

    // networking.istio.io
    String[] none = {};
    var n = "dev.sailplan.istio.networking.v1.";
    rule(n + "StringMatch", Traffic.class, "exact", types(String.class), none, "exact");
    rule(n + "StringMatch", Traffic.class, "prefix", types(String.class), none, "prefix");
    rule(n + "StringMatch", Traffic.class, "regex", types(String.class), none, "regex");
    rule(n + "HTTPMatchRequest", Traffic.class, "matchUri", types(n + "StringMatch"), none, "uri");
    rule(
        n + "HTTPMatchRequest",
        Traffic.class,
        "matchHeader",
        types(String.class, n + "StringMatch"),
        none,
        "headers.*key",
        "headers.*value");
    rule(
        n + "TrafficPolicy",
        Traffic.class,
        "trafficPolicy",
        types(n + "SimpleLB"),
        none,
        "loadBalancer.simple");
    rule(
        n + "LoadBalancerSettings",
        Traffic.class,
        "loadBalancer",
        types(n + "SimpleLB"),
        none,
        "simple");
    rule(
        n + "IstioEgressListener",
        Traffic.class,
        "egressHosts",
        types(String[].class),
        none,
        "hosts");
    rule(n + "Destination", Traffic.class, "destination", types(String.class), none, "host");
    rule(
        n + "Destination",
        Traffic.class,
        "destination",
        types(String.class, String.class),
        none,
        "host",
        "subset");
    rule(
        n + "Destination",
        Traffic.class,
        "destination",
        types(String.class, int.class),
        none,
        "host",
        "port.number");
    rule(n + "PortSelector", Traffic.class, "portSelector", types(int.class), none, "number");
    String[] weighted = {"weight", "headers"};
    rule(
        n + "HTTPRouteDestination",
        Traffic.class,
        "routeTo",
        types(String.class),
        weighted,
        "destination.host");
    rule(
        n + "HTTPRouteDestination",
        Traffic.class,
        "routeTo",
        types(String.class, String.class),
        weighted,
        "destination.host",
        "destination.subset");
    rule(
        n + "HTTPRouteDestination",
        Traffic.class,
        "routeTo",
        types(n + "Destination"),
        weighted,
        "destination");
    rule(
        n + "RouteDestination",
        Traffic.class,
        "tcpRouteTo",
        types(n + "Destination"),
        new String[] {"weight"},
        "destination");
    rule(
        n + "Subset",
        Traffic.class,
        "versionSubset",
        types(String.class),
        new String[] {"trafficPolicy"},
        "name");
    rule(
        n + "Subset",
        Traffic.class,
        "subset",
        types(String.class, String[].class),
        new String[] {"trafficPolicy"},
        "name",
        "labels");
    rule(
        n + "Port",
        Traffic.class,
        "serverPort",
        types(int.class, String.class, String.class),
        none,
        "number",
        "name",
        "protocol");
    rule(
        n + "ServicePort",
        Traffic.class,
        "servicePort",
        types(int.class, String.class, String.class),
        new String[] {"targetPort"},
        "number",
        "name",
        "protocol");
    rule(n + "Percent", Traffic.class, "percent", types(double.class), none, "value");

    // security.istio.io
    var s = "dev.sailplan.istio.security.v1.";
    rule(
        s + "PeerAuthenticationSpec",
        Security.class,
        "mtls",
        types(s + "MutualTLSMode"),
        new String[] {"selector", "portLevelMtls"},
        "mtls.mode");
    rule(s + "MutualTLS", Security.class, "mutualTls", types(s + "MutualTLSMode"), none, "mode");
    rule(s + "From", Security.class, "from", types(s + "Source"), none, "source");
    rule(s + "To", Security.class, "to", types(s + "Operation"), none, "operation");
    rule(
        s + "Condition",
        Security.class,
        "when",
        types(String.class, String[].class),
        new String[] {"notValues"},
        "key",
        "values");

    // Selectors shared by the Istio kinds
    var t = "dev.sailplan.istio.type.v1beta1.";
    var c = "dev.sailplan.istio.networking.common.";
    rule(
        t + "WorkloadSelector",
        Selectors.class,
        "workloadSelector",
        types(String[].class),
        none,
        "matchLabels");
    rule(
        c + "WorkloadLabels",
        Selectors.class,
        "workloadLabels",
        types(String[].class),
        none,
        "labels");
    rule(
        t + "PolicyTargetReference",
        Selectors.class,
        "gatewayTarget",
        types(String.class),
        none,
        "name");
    rule(
        t + "PolicyTargetReference",
        Selectors.class,
        "serviceTarget",
        types(String.class),
        none,
        "name");
    rule(
        t + "PolicyTargetReference",
        Selectors.class,
        "policyTarget",
        types(String.class, String.class, String.class),
        none,
        "group",
        "kind",
        "name");
    rule(
        "dev.sailplan.istio.telemetry.v1.ProviderRef",
        Observability.class,
        "provider",
        types(String.class),
        none,
        "name");

    // gateway.networking.k8s.io
    var g = "dev.sailplan.gatewayapi.v1.";
    rule(
        g + "ParentReference",
        GatewayApi.class,
        "parent",
        types(String.class),
        new String[] {"sectionName", "port"},
        "name");
    rule(
        g + "ParentReference",
        GatewayApi.class,
        "parent",
        types(String.class),
        new String[] {"sectionName", "port"},
        "namespace/name");
    rule(
        g + "HTTPBackendRef",
        GatewayApi.class,
        "backend",
        types(String.class, int.class),
        new String[] {"weight"},
        "name",
        "port");
    rule(
        g + "HTTPRouteMatch",
        GatewayApi.class,
        "pathPrefix",
        types(String.class),
        none,
        "path.value");
    rule(
        g + "HTTPRouteMatch",
        GatewayApi.class,
        "exactPath",
        types(String.class),
        none,
        "path.value");
    rule(
        g + "SecretObjectReference", GatewayApi.class, "secret", types(String.class), none, "name");
    rule(
        "dev.sailplan.gatewayapi.v1.ReferenceGrantSpec",
        GatewayApi.class,
        "allowRoutesFrom",
        types(String.class),
        none,
        "from.0.namespace");

    // Kubernetes core
    qualified(
        LabelSelector.class,
        "matching",
        types(String.class, String.class),
        "matchLabels.*key",
        "matchLabels.*value");
    qualified(
        LabelSelectorRequirement.class, "in", types(String.class, String[].class), "key", "values");
    qualified(
        LabelSelectorRequirement.class,
        "notIn",
        types(String.class, String[].class),
        "key",
        "values");
    qualified(LabelSelectorRequirement.class, "exists", types(String.class), "key");
    qualified(LabelSelectorRequirement.class, "doesNotExist", types(String.class), "key");
    qualified(ObjectReference.class, "named", types(String.class), "name");
    qualified(LocalObjectReference.class, "named", types(String.class), "name");
    qualified(
        dev.sailplan.core.k8s.ServicePort.class,
        "of",
        types(String.class, int.class),
        List.of("protocol", "targetPort"),
        "name",
        "port");
  }

  /** The factory code of {@code v}, if a rule gives exactly it. */
  Optional<CodeBlock> factory(Object v, List<String> path) {
    for (Rule r : rules.getOrDefault(v.getClass(), List.of())) {
      Optional<CodeBlock> c = attempt(r, v, path);
      if (c.isPresent()) {
        return c;
      }
    }
    return Optional.empty();
  }

  /** A duration as {@code seconds(30)}, {@code minutes(1)}, {@code millis(250)} or as written. */
  CodeBlock duration(Duration d) {
    String text = d.toString();
    for (String[] unit : new String[][] {{"ms", "millis"}, {"s", "seconds"}, {"m", "minutes"}}) {
      if (text.endsWith(unit[0]) && text.length() > unit[0].length()) {
        String number = text.substring(0, text.length() - unit[0].length());
        if (number.matches("[1-9][0-9]{0,8}|0")) {
          return code.call(TRAFFIC, unit[1], List.of(CodeBlock.of("$L", number)));
        }
      }
    }
    return code.call(TRAFFIC, "duration", List.of(CodeBlock.of("$S", text)));
  }

  private Optional<CodeBlock> attempt(Rule r, Object v, List<String> path) {
    Class<?>[] types = r.method().getParameterTypes();
    Object[] args = new Object[types.length];
    for (int i = 0; i < types.length; i++) {
      Object a = extract(v, r.args().get(i));
      args[i] = a == null ? null : convert(a, types[i]);
      if (args[i] == null) {
        return Optional.empty();
      }
    }
    Object built;
    try {
      built = r.method().invoke(null, args);
    } catch (InvocationTargetException | IllegalAccessException | IllegalArgumentException e) {
      return Optional.empty();
    }
    List<Attribute> withs = new ArrayList<>();
    for (Attribute a : Attribute.of(v.getClass())) {
      if (!Objects.equals(a.get(built), a.get(v))) {
        if (!r.withs().contains(a.name())) {
          return Optional.empty();
        }
        withs.add(a);
        built = with(built, a, a.get(v));
        if (built == null) {
          return Optional.empty();
        }
      }
    }
    if (!built.equals(v)) {
      return Optional.empty();
    }
    List<CodeBlock> codes = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      String key = r.args().get(i);
      List<String> at = key.equals("ref") ? ValueCode.append(path, "metadata") : child(path, key);
      if (args[i] instanceof String[] strings) {
        for (String x : strings) {
          codes.add(CodeBlock.of("$S", x));
        }
      } else {
        codes.add(code.value(args[i], at, false));
      }
    }
    CodeBlock call =
        r.qualified()
            ? CodeBlock.of(
                "$T.$L($L)", r.owner(), r.method().getName(), CodeBlock.join(codes, ", "))
            : code.call(r.owner(), r.method().getName(), codes);
    CodeBlock.Builder b = CodeBlock.builder().add("$L", call);
    for (Attribute a : withs) {
      CodeBlock value = withValue(a.get(v), ValueCode.append(path, a.key()));
      // One copy reads on the factory's line; more each get their own, as builder calls do.
      b.add(withs.size() == 1 ? ".$L($L)" : "\n$>$>.$L($L)$<$<", a.wither(), value);
    }
    return Optional.of(b.build());
  }

  /** The argument of {@code withX} for an attribute's value, as its builder would take it. */
  private CodeBlock withValue(Object x, List<String> at) {
    if (x instanceof Optional<?> o) {
      return code.value(o.get(), at, false);
    } else if (x instanceof OptionalLong o) {
      return code.value(o.getAsLong(), at, false);
    } else if (x instanceof OptionalInt o) {
      return CodeBlock.of("$L", o.getAsInt());
    } else if (x instanceof OptionalDouble o) {
      return CodeBlock.of("$L", ValueCode.doubleLiteral(o.getAsDouble()));
    } else if (x instanceof Map<?, ?> m) {
      List<CodeBlock> pairs = new ArrayList<>();
      boolean strings = m.values().stream().allMatch(String.class::isInstance);
      for (Map.Entry<?, ?> e : m.entrySet()) {
        pairs.add(CodeBlock.of("$S, $L", e.getKey(), code.value(e.getValue(), at, true)));
      }
      return strings
          ? code.call(TRAFFIC, "labels", pairs)
          : CodeBlock.of("$T.of($L)", Map.class, CodeBlock.join(pairs, ", "));
    } else if (x instanceof List<?> l) {
      List<CodeBlock> items = new ArrayList<>();
      for (int i = 0; i < l.size(); i++) {
        items.add(code.value(l.get(i), ValueCode.append(at, Integer.toString(i)), true));
      }
      return CodeBlock.join(items, ", ");
    }
    return code.value(x, at, false);
  }

  /** {@code built.withX(value)}, through the copy method that takes the accessor's type. */
  private static Object with(Object built, Attribute a, Object value) {
    try {
      Class<?> type = a.accessor().getReturnType();
      Method m = built.getClass().getMethod(a.wither(), type == List.class ? Iterable.class : type);
      return m.invoke(built, value);
    } catch (ReflectiveOperationException | IllegalArgumentException e) {
      return null;
    }
  }

  /** The value at a dotted attribute path ({@code destination.host}), unwrapped; null if unset. */
  private static Object extract(Object v, String path) {
    if (path.equals("ref")) {
      ObjectMeta m = v instanceof Resource r ? r.metadata() : (ObjectMeta) v;
      if (m.name().isEmpty()) {
        return null;
      }
      return m.namespace().map(ns -> ns + "/").orElse("") + m.name().get();
    }
    if (path.equals("namespace/name")) {
      Object ns = extract(v, "namespace");
      Object name = extract(v, "name");
      return ns == null || name == null ? null : ns + "/" + name;
    }
    Object at = v;
    for (String step : path.split("\\.", -1)) {
      at = step(at, step);
      if (at == null) {
        return null;
      }
    }
    return at;
  }

  private static Object step(Object at, String step) {
    if (at instanceof List<?> l && step.matches("[0-9]+")) {
      int i = Integer.parseInt(step);
      return i < l.size() ? l.get(i) : null;
    }
    if (at instanceof Map<?, ?> m && step.startsWith("*")) {
      // The only entry's key or value: matchHeader("end-user", exact("jason")).
      if (m.size() != 1) {
        return null;
      }
      Map.Entry<?, ?> e = m.entrySet().iterator().next();
      return step.equals("*key") ? e.getKey() : e.getValue();
    }
    if (at == null || !Attribute.isValueType(at.getClass())) {
      return null;
    }
    for (Attribute a : Attribute.of(at.getClass())) {
      if (a.name().equals(step)) {
        Object x = a.get(at);
        if (x instanceof Optional<?> o) {
          return o.orElse(null);
        } else if (x instanceof OptionalLong o) {
          return o.isPresent() ? o.getAsLong() : null;
        } else if (x instanceof OptionalInt o) {
          return o.isPresent() ? o.getAsInt() : null;
        } else if (x instanceof OptionalDouble o) {
          return o.isPresent() ? o.getAsDouble() : null;
        }
        return Attribute.isSet(x) ? x : null;
      }
    }
    return null;
  }

  /** The value as the factory's parameter type takes it; null when it cannot. */
  private static Object convert(Object a, Class<?> type) {
    if (type == int.class
        && a instanceof Long l
        && l >= Integer.MIN_VALUE
        && l <= Integer.MAX_VALUE) {
      return (int) (long) l;
    } else if (type == int.class && a instanceof Integer) {
      return a;
    } else if (type == double.class && a instanceof Double) {
      return a;
    } else if (type == String[].class && a instanceof List<?> l) {
      return l.stream().allMatch(String.class::isInstance) ? l.toArray(new String[0]) : null;
    } else if (type == String[].class && a instanceof Map<?, ?> m) {
      List<String> pairs = new ArrayList<>();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        if (!(e.getValue() instanceof String)) {
          return null;
        }
        pairs.add((String) e.getKey());
        pairs.add((String) e.getValue());
      }
      return pairs.toArray(new String[0]);
    }
    return type.isInstance(a) ? a : null;
  }

  /** Where the comments of an argument taken from {@code key} are. */
  private static List<String> child(List<String> path, String key) {
    List<String> out = new ArrayList<>(path);
    for (String step : key.split("\\.", -1)) {
      if (!step.startsWith("*")) {
        out.add(step);
      }
    }
    return out;
  }

  private void resource(Class<?> owner, String method, Class<?> kind, Class<?> spec) {
    add(
        kind,
        find(owner, method, String.class, spec),
        ClassName.get(owner),
        List.of("ref", "spec"),
        List.of(),
        false);
  }

  private void qualified(
      Class<?> type, String method, Class<?>[] types, String arg, List<String> withs) {
    add(type, find(type, method, types), ClassName.get(type), List.of(arg), withs, true);
  }

  private void qualified(Class<?> type, String method, Class<?>[] types, String... args) {
    qualified(type, method, types, List.of(), args);
  }

  private void qualified(
      Class<?> type, String method, Class<?>[] types, List<String> withs, String... args) {
    add(type, find(type, method, types), ClassName.get(type), List.of(args), withs, true);
  }

  private void rule(
      String type,
      Class<?> owner,
      String method,
      Class<?>[] types,
      String[] withs,
      String... args) {
    Class<?> t = load(type);
    add(t, find(owner, method, types), ClassName.get(owner), List.of(args), List.of(withs), false);
  }

  private void add(
      Class<?> type,
      Method m,
      ClassName owner,
      List<String> args,
      List<String> withs,
      boolean qualified) {
    rules
        .computeIfAbsent(type, k -> new ArrayList<>())
        .add(new Rule(m, owner, args, withs, qualified));
  }

  private static Class<?>[] types(Object... types) {
    Class<?>[] out = new Class<?>[types.length];
    for (int i = 0; i < types.length; i++) {
      out[i] = types[i] instanceof Class<?> c ? c : load((String) types[i]);
    }
    return out;
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name, false, FactoryRules.class.getClassLoader());
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException("the model has no " + name, e);
    }
  }

  private static Method find(Class<?> owner, String name, Class<?>... types) {
    try {
      return owner.getMethod(name, types);
    } catch (NoSuchMethodException e) {
      throw new IllegalStateException("no factory " + owner.getSimpleName() + "." + name, e);
    }
  }
}
