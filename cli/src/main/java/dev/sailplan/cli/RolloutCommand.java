package dev.sailplan.cli;

import dev.sailplan.core.k8s.Namespace;
import dev.sailplan.core.meta.ObjectMeta;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.plan.Barrier;
import dev.sailplan.core.plan.Plan;
import dev.sailplan.core.plan.Planner;
import dev.sailplan.core.plan.PlanningException;
import dev.sailplan.core.plan.ResourceKey;
import dev.sailplan.core.plan.Revisions;
import dev.sailplan.core.plan.Rollout;
import dev.sailplan.core.plan.State;
import dev.sailplan.core.problem.ManifestException;
import dev.sailplan.core.rollout.StepWeights;
import dev.sailplan.core.validation.Findings;
import dev.sailplan.core.validation.Validation;
import dev.sailplan.gatewayapi.rollout.HttpRouteCanary;
import dev.sailplan.gatewayapi.v1.HTTPBackendRef;
import dev.sailplan.gatewayapi.v1.HTTPRoute;
import dev.sailplan.gatewayapi.v1.HTTPRouteRule;
import dev.sailplan.gatewayapi.v1.ParentReference;
import dev.sailplan.istio.rollout.BlueGreen;
import dev.sailplan.istio.rollout.CanaryRollout;
import dev.sailplan.istio.rollout.EgressLockdown;
import dev.sailplan.istio.rollout.ExternalHost;
import dev.sailplan.istio.rollout.RevisionUpgrade;
import dev.sailplan.istio.rollout.StrictMtlsMigration;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code sailplan rollout}: the composites from the command line, starting from the manifests
 * running now and writing the plan folder {@code sailplan plan} writes.
 */
@Command(
    name = "rollout",
    mixinStandardHelpOptions = true,
    description = {
      "Plans a rollout from the CURRENT manifests (kubectl get -o yaml, a file or a",
      "folder): the rollout changes only what it owns in the objects there and keeps",
      "every other field. The plan folder DIR/NAME is the one `sailplan plan` writes."
    },
    subcommands = {
      RolloutCommand.Canary.class,
      RolloutCommand.BlueGreenSwitch.class,
      RolloutCommand.RouteCanary.class,
      RolloutCommand.StrictMtls.class,
      RolloutCommand.Egress.class,
      RolloutCommand.RevisionUpgradeCommand.class
    })
final class RolloutCommand implements Runnable {
  @Spec private CommandLine.Model.CommandSpec spec;

  @ParentCommand Sailplan parent;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(),
        "missing rollout (canary, blue-green, httproute-canary, strict-mtls, egress-lockdown or"
            + " revision-upgrade)");
  }

  /**
   * What every rollout takes: the current state and where the plan goes. A subcommand builds its
   * composite twice: without the current state, so that a bad option is a usage error (exit 2),
   * then from it, so that a current state that makes the rollout impossible is invalid input (1).
   */
  abstract static class Base implements Callable<Integer> {
    private static final Pattern NAME = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");

    @Spec CommandLine.Model.CommandSpec spec;

    @ParentCommand RolloutCommand rollout;

    @Option(
        names = "--current",
        required = true,
        paramLabel = "FILE",
        description =
            "Manifests as they are now: a file, a folder (every *.yaml and *.yml below it) or -"
                + " (stdin); mixed kinds and kind: List.")
    String current;

    @Option(
        names = "--out",
        paramLabel = "DIR",
        description = "Folder to write the plan folder NAME into (required for --format dir).")
    Path out;

    @Option(
        names = "--name",
        paramLabel = "NAME",
        description =
            "The plan's name and folder name (default: the rollout's own, e.g."
                + " reviews-canary).")
    String name;

    @Option(
        names = "--format",
        defaultValue = "dir",
        description =
            "dir (plan folder, default), stream (one commented YAML stream on stdout) or argocd"
                + " (Argo CD syncs on stdout, or one file per sync with --out).")
    PlanOutput.Format format;

    @Option(
        names = "--settle",
        defaultValue = "5",
        paramLabel = "SECONDS",
        description =
            "Settle delay after each propagation barrier in apply.sh (default: ${DEFAULT-VALUE}).")
    int settle;

    @Mixin AssumeExternal assumeExternal = new AssumeExternal();

    /**
     * The rollout from {@code state} ({@code null}: checks the options alone, without the current
     * state), named {@code name} when given.
     *
     * @throws IllegalArgumentException naming what is wrong
     */
    abstract Rollout rollout(State state, Optional<String> name);

    @Override
    public final Integer call() {
      if (format == PlanOutput.Format.dir && out == null) {
        throw usage("--out is required for --format dir");
      }
      if (out != null && out.toString().isEmpty()) {
        throw usage("--out '' names no folder: give a folder, such as --out .");
      }
      if (settle < 0) {
        throw usage("--settle " + settle + " must be 0 or more seconds");
      }
      if (name != null && !NAME.matcher(name).matches()) {
        throw usage("--name '" + name + "' must be lower-case letters, digits and '-'");
      }
      Validation validation = assumeExternal.validation(spec.commandLine());
      try {
        rollout(null, Optional.ofNullable(name));
      } catch (IllegalArgumentException e) {
        throw usage(e.getMessage());
      }
      CommandLine cli = spec.commandLine();
      State state;
      try {
        state = CurrentState.read(current, rollout.parent.stdin);
      } catch (ManifestException e) {
        e.problems().forEach(p -> cli.getErr().println(p));
        return Sailplan.INVALID_INPUT;
      }
      Rollout r;
      try {
        r = whole(rollout(state, Optional.ofNullable(name)), state);
      } catch (IllegalArgumentException e) {
        cli.getErr()
            .println("sailplan: --current " + Inputs.display(current) + ": " + e.getMessage());
        return Sailplan.INVALID_INPUT;
      }
      // Fails closed: every state the plan passes through must be valid, in every format.
      for (Planner.Target t : r.targets()) {
        Findings findings = validation.validate(t.desired().resources());
        if (findings.hasErrors()) {
          cli.getErr().println("sailplan: step " + t.name() + " would apply invalid objects:");
          findings.forEach(f -> cli.getErr().println(Inputs.escaped(f.toString())));
          return Sailplan.INVALID_INPUT;
        }
      }
      Plan plan;
      try {
        plan = r.plan();
      } catch (PlanningException e) {
        cli.getErr().println("sailplan: " + e.getMessage().replace("\n  ", "\n  - "));
        return Sailplan.INVALID_INPUT;
      }
      int resources = state.size();
      return new PlanOutput(cli.getOut(), cli.getErr(), validation)
          .deliver(
              plan,
              format,
              out,
              settle,
              written ->
                  String.format(
                      Locale.ROOT,
                      "Plan %s: %d step%s, %d stage%s from %d resources, written to %s",
                      plan.name(),
                      plan.steps().size(),
                      plan.steps().size() == 1 ? "" : "s",
                      plan.stages().size(),
                      plan.stages().size() == 1 ? "" : "s",
                      resources,
                      written));
    }

    final CommandLine.ParameterException usage(String message) {
      return new CommandLine.ParameterException(spec.commandLine(), message);
    }
  }

  /**
   * {@code rollout} on the whole current state: every step's state is {@code current} with what the
   * rollout changes, so that the plan's current and desired files hold every object, and the
   * planner sees all of them (the Services, the workloads) when it orders the changes.
   */
  static Rollout whole(Rollout rollout, State current) {
    Map<ResourceKey, Resource> base = new HashMap<>(current.asMap());
    Map<ResourceKey, Resource> own = rollout.current().asMap();
    List<Planner.Target> steps = new ArrayList<>();
    for (Planner.Target t : rollout.targets()) {
      Map<ResourceKey, Resource> at = new HashMap<>(base);
      own.keySet().forEach(at::remove);
      at.putAll(t.desired().asMap());
      steps.add(new Planner.Target(t.name(), State.of(at.values()), t.after(), t.description()));
    }
    return Rollout.of(rollout.name(), current, steps);
  }

  /** {@code --steps 10,25,50,100}. */
  static int[] steps(String value) {
    String[] parts = value.split(",", -1);
    int[] out = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      try {
        out[i] = Integer.parseInt(parts[i].trim());
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "--steps '" + value + "': '" + parts[i] + "' is not a whole percentage");
      }
    }
    try {
      StepWeights.check(StepWeights.of(out));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--steps '" + value + "': " + e.getMessage(), e);
    }
    return out;
  }

  /** {@code sailplan rollout canary}. */
  @Command(
      name = "canary",
      mixinStandardHelpOptions = true,
      description = {
        "A canary between two subsets of HOST: its DestinationRule gains the canary",
        "subset, every HTTP route sending traffic to the stable subset shifts weight",
        "step by step (a gate after each), then the stable subset goes. Only the",
        "subsets and those routes' destinations and weights change."
      })
  static final class Canary extends Base {
    @Option(
        names = "--host",
        required = true,
        description =
            "The host as the DestinationRule and VirtualServices name it: short (reviews) or"
                + " in full (reviews.bookinfo.svc.cluster.local).")
    String host;

    @Option(names = "--stable", required = true, paramLabel = "SUBSET", description = "e.g. v1")
    String stable;

    @Option(names = "--canary", required = true, paramLabel = "SUBSET", description = "e.g. v2")
    String canary;

    @Option(
        names = "--steps",
        paramLabel = "PERCENT,...",
        defaultValue = "10,25,50,100",
        description = "The canary's share at each step (default: ${DEFAULT-VALUE}).")
    String steps;

    @Option(
        names = "--header-override",
        paramLabel = "NAME=VALUE",
        description = "Requests with this header go to the canary from the first step.")
    String header;

    @Option(
        names = "--version-label",
        defaultValue = "version",
        paramLabel = "LABEL",
        description = "The pod label subsets select on (default: ${DEFAULT-VALUE}).")
    String versionLabel;

    @Override
    Rollout rollout(State state, Optional<String> name) {
      ServiceHost service =
          state == null ? new ServiceHost("default", "checked") : ServiceHost.resolve(host, state);
      if (state != null) {
        service.requireRouted(stable, state);
      }
      CanaryRollout.Options b =
          CanaryRollout.of(service.ref())
              .stable(stable)
              .canary(canary)
              .steps(steps(this.steps))
              .versionLabel(versionLabel);
      if (header != null) {
        int eq = header.indexOf('=');
        if (eq <= 0) {
          throw new IllegalArgumentException(
              "--header-override '" + header + "' must be NAME=VALUE");
        }
        b.headerOverride(header.substring(0, eq), header.substring(eq + 1));
      }
      name.ifPresent(b::name);
      if (state == null) {
        return b.build();
      }
      return b.from(state.resources()).build();
    }
  }

  /** {@code sailplan rollout blue-green}. */
  @Command(
      name = "blue-green",
      mixinStandardHelpOptions = true,
      description = {
        "A blue/green switch of HOST: its DestinationRule gains the --to subset (a",
        "gate follows), then every HTTP route sending traffic to the --from subset",
        "sends it all to the --to subset at once. Both subsets stay defined, so that",
        "switching back is one change; with --finish a gate follows the switch, then",
        "the --from subset goes: the plan ends at the new version alone."
      })
  static final class BlueGreenSwitch extends Base {
    @Option(
        names = "--host",
        required = true,
        description =
            "The host as the DestinationRule and VirtualServices name it: short (reviews) or"
                + " in full (reviews.bookinfo.svc.cluster.local).")
    String host;

    @Option(names = "--from", required = true, paramLabel = "SUBSET", description = "e.g. blue")
    String live;

    @Option(names = "--to", required = true, paramLabel = "SUBSET", description = "e.g. green")
    String next;

    @Option(
        names = "--version-label",
        defaultValue = "version",
        paramLabel = "LABEL",
        description = "The pod label subsets select on (default: ${DEFAULT-VALUE}).")
    String versionLabel;

    @Option(
        names = "--finish",
        description =
            "Also drop the --from subset from the DestinationRule once the switch is done (a gate"
                + " comes between): the plan ends with only the --to subset, taking all traffic.")
    boolean finish;

    @Override
    Rollout rollout(State state, Optional<String> name) {
      ServiceHost service =
          state == null ? new ServiceHost("default", "checked") : ServiceHost.resolve(host, state);
      if (state != null) {
        service.requireRouted(live, state);
      }
      BlueGreen.Options b =
          BlueGreen.of(service.ref()).live(live).next(next).versionLabel(versionLabel);
      name.ifPresent(b::name);
      BlueGreen switchover = state == null ? b.build() : b.from(state.resources()).build();
      return finish ? finished(switchover) : switchover;
    }

    /** The switch, a gate, then {@link BlueGreen#finish()}: one plan to the end state. */
    private static Rollout finished(BlueGreen switchover) {
      List<Planner.Target> steps = new ArrayList<>(switchover.targets());
      Planner.Target last = steps.remove(steps.size() - 1);
      // The old version stays routable until someone has looked at the new one taking traffic.
      steps.add(new Planner.Target(last.name(), last.desired(), Barrier.GATE, last.description()));
      steps.addAll(switchover.finish().targets());
      return Rollout.of(switchover.name(), switchover.current(), steps);
    }
  }

  /** {@code sailplan rollout httproute-canary}. */
  @Command(
      name = "httproute-canary",
      mixinStandardHelpOptions = true,
      description = {
        "A canary on a Gateway API HTTPRoute between two Services of its namespace:",
        "every rule sending traffic to the stable Service shifts weight to the canary",
        "step by step. Only those rules' backendRefs and weights change."
      })
  static final class RouteCanary extends Base {
    private static final Pattern BACKEND = Pattern.compile("([^:]+)(?::(\\d{1,5}))?");

    @Option(
        names = "--route",
        required = true,
        paramLabel = "NS/NAME",
        description = "The HTTPRoute, which must be in the current state.")
    String route;

    @Option(
        names = "--stable",
        required = true,
        paramLabel = "SVC[:PORT]",
        description = "The Service routed to now; PORT defaults to the route's.")
    String stable;

    @Option(
        names = "--canary",
        required = true,
        paramLabel = "SVC[:PORT]",
        description = "The Service rolled out; PORT defaults to the stable one's.")
    String canary;

    @Option(
        names = "--steps",
        paramLabel = "PERCENT,...",
        defaultValue = "10,25,50,100",
        description = "The canary's share at each step (default: ${DEFAULT-VALUE}).")
    String steps;

    @Override
    Rollout rollout(State state, Optional<String> name) {
      Matcher s = backend("--stable", stable);
      Matcher c = backend("--canary", canary);
      String[] ref = route.split("/", -1);
      if (ref.length != 2) {
        throw new IllegalArgumentException("--route '" + route + "' must be NS/NAME");
      }
      Optional<HTTPRoute> found = Optional.empty();
      if (state != null) {
        found =
            state.resources().stream()
                .filter(HTTPRoute.class::isInstance)
                .map(HTTPRoute.class::cast)
                .filter(
                    r ->
                        r.metadata().namespace().orElse("").equals(ref[0])
                            && r.metadata().name().orElse("").equals(ref[1]))
                .findFirst();
        if (found.isEmpty()) {
          throw new IllegalArgumentException("no HTTPRoute " + route + " in the current state");
        }
      }
      int stablePort =
          s.group(2) != null
              ? Integer.parseInt(s.group(2))
              : found.flatMap(r -> portOf(r, s.group(1))).orElse(80);
      if (state != null
          && s.group(2) == null
          && found.flatMap(r -> portOf(r, s.group(1))).isEmpty()) {
        throw new IllegalArgumentException(
            "no rule of HTTPRoute " + route + " sends traffic to Service " + s.group(1));
      }
      int canaryPort = c.group(2) != null ? Integer.parseInt(c.group(2)) : stablePort;
      String parentRef = found.flatMap(RouteCanary::parentOf).orElse("gateway");
      HttpRouteCanary.Options b =
          HttpRouteCanary.of(route)
              .parent(parentRef)
              .stable(s.group(1), stablePort)
              .canary(c.group(1), canaryPort)
              .steps(steps(this.steps));
      name.ifPresent(b::name);
      return state == null ? b.build() : b.from(state.resources()).build();
    }

    private static Matcher backend(String option, String value) {
      Matcher m = BACKEND.matcher(value);
      if (!m.matches()) {
        throw new IllegalArgumentException(
            option + " '" + value + "' must be SERVICE or SERVICE:PORT");
      }
      return m;
    }

    /** The port of the first backendRef to {@code service}. */
    private static Optional<Integer> portOf(HTTPRoute r, String service) {
      for (HTTPRouteRule rule : r.spec().rules()) {
        for (HTTPBackendRef ref : rule.backendRefs()) {
          if (ref.name().equals(service) && ref.port().isPresent()) {
            return Optional.of(ref.port().getAsInt());
          }
        }
      }
      return Optional.empty();
    }

    /** The route's first parent, as the composite takes it (used only for a route it creates). */
    private static Optional<String> parentOf(HTTPRoute r) {
      return r.spec().parentRefs().stream().findFirst().map(ParentReference::name);
    }
  }

  /** {@code sailplan rollout strict-mtls}. */
  @Command(
      name = "strict-mtls",
      mixinStandardHelpOptions = true,
      description = {
        "Migrates to STRICT mTLS: the mesh goes PERMISSIVE, then each --namespace in",
        "turn goes STRICT, then the whole mesh (a gate after each). DestinationRules",
        "sending plaintext into a namespace lose their DISABLE settings first; existing",
        "PeerAuthentications change only their mode and the excepted ports."
      })
  static final class StrictMtls extends Base {
    private static final Pattern EXCEPTION = Pattern.compile("([^/]+)/([^:]+):(\\d{1,5})");

    @Option(
        names = "--namespace",
        required = true,
        arity = "1..*",
        paramLabel = "NS",
        description = "The namespaces to make STRICT, in order.")
    List<String> namespaces;

    @Option(
        names = "--port-exception",
        paramLabel = "NS/WORKLOAD:PORT",
        description =
            "A server-first port (MySQL 3306, …) of the pods labelled LABEL=WORKLOAD in NS that"
                + " keeps mTLS disabled. Repeatable.")
    List<String> exceptions = new ArrayList<>();

    @Option(
        names = "--workload-label",
        defaultValue = "app",
        paramLabel = "LABEL",
        description = "The pod label WORKLOAD is a value of (default: ${DEFAULT-VALUE}).")
    String workloadLabel;

    @Option(
        names = "--root-namespace",
        defaultValue = "istio-system",
        paramLabel = "NS",
        description = "The mesh's root namespace (default: ${DEFAULT-VALUE}).")
    String root;

    @Override
    Rollout rollout(State state, Optional<String> name) {
      StrictMtlsMigration.Options b =
          StrictMtlsMigration.mesh(root).namespaces(namespaces.toArray(String[]::new));
      for (String e : exceptions) {
        Matcher m = EXCEPTION.matcher(e);
        if (!m.matches()) {
          throw new IllegalArgumentException(
              "--port-exception '" + e + "' must be NS/WORKLOAD:PORT, e.g. orders/mysql:3306");
        }
        b.serverFirstPort(m.group(1), workloadLabel, m.group(2), Integer.parseInt(m.group(3)));
      }
      name.ifPresent(b::name);
      return (state == null ? b : b.from(state)).build();
    }
  }

  /** {@code sailplan rollout egress-lockdown}. */
  @Command(
      name = "egress-lockdown",
      mixinStandardHelpOptions = true,
      description = {
        "Locks down a namespace's egress to the allowed hosts: ServiceEntries first,",
        "then the namespace's Sidecar turns REGISTRY_ONLY (keeping its other",
        "listeners and hosts), then a NetworkPolicy makes it real. Port 443 is HTTPS",
        "(TLS passed through), 80 is HTTP, any other port TCP."
      })
  static final class Egress extends Base {
    private static final Pattern HOST_PORT = Pattern.compile("(.+):(\\d{1,5})");

    @Option(
        names = "--namespace",
        required = true,
        paramLabel = "NS",
        description = "e.g. payments")
    String namespace;

    @Option(
        names = "--allow",
        required = true,
        arity = "1..*",
        paramLabel = "HOST:PORT",
        description = "An external host the namespace may still reach, e.g. api.stripe.com:443.")
    List<String> allow;

    @Option(
        names = "--via-egress-gateway",
        arity = "0..1",
        fallbackValue = "istio-egress",
        paramLabel = "NS",
        description = "Send HTTPS through the egress gateway in NS (default: istio-egress).")
    String gateway;

    @Override
    Rollout rollout(State state, Optional<String> name) {
      List<ExternalHost> hosts = new ArrayList<>();
      for (String a : allow) {
        hosts.add(host(a));
      }
      EgressLockdown.Options b =
          EgressLockdown.forNamespace(namespace)
              .allow(hosts.get(0), hosts.subList(1, hosts.size()).toArray(ExternalHost[]::new));
      if (gateway != null) {
        b.viaEgressGateway(gateway);
      }
      name.ifPresent(b::name);
      return (state == null ? b : b.from(state)).build();
    }

    private static ExternalHost host(String value) {
      Matcher m = HOST_PORT.matcher(value);
      if (!m.matches()) {
        throw new IllegalArgumentException(
            "--allow '" + value + "' must be HOST:PORT, e.g. api.stripe.com:443");
      }
      int port = Integer.parseInt(m.group(2));
      Function<String, ExternalHost> make =
          switch (port) {
            case 443 -> ExternalHost::https;
            case 80 -> ExternalHost::http;
            default -> h -> ExternalHost.tcp(h, port);
          };
      return make.apply(m.group(1));
    }
  }

  /** {@code sailplan rollout revision-upgrade}. */
  @Command(
      name = "revision-upgrade",
      mixinStandardHelpOptions = true,
      description = {
        "Moves namespaces from one control plane revision to the next (canary upgrade):",
        "each --namespace step relabels its namespaces (istio.io/rev, without",
        "istio-injection), then apply.sh restarts their workloads and stops at a gate.",
        "A --tag moves last, with istioctl tag set, and its namespaces restart."
      })
  static final class RevisionUpgradeCommand extends Base {
    /** Stands for the namespaces of the current state when the options are checked alone. */
    private static final String PLACEHOLDER = "options-check";

    @Option(
        names = "--from-revision",
        required = true,
        paramLabel = "REV",
        description = "The revision the namespaces are on, e.g. 1-29-0.")
    String from;

    @Option(
        names = "--to-revision",
        required = true,
        paramLabel = "REV",
        description = "The new revision, already installed, e.g. 1-30-3.")
    String to;

    @Option(
        names = "--namespace",
        paramLabel = "NS[,NS...]",
        description =
            "One step: the namespace, or the comma-separated namespaces that move together."
                + " Repeatable, in order.")
    List<String> steps = new ArrayList<>();

    @Option(
        names = "--one-at-a-time",
        description =
            "Every namespace of the current state on the old revision, one per step, by name.")
    boolean oneAtATime;

    @Option(
        names = "--tag",
        paramLabel = "TAG",
        description =
            "The revision tag (e.g. prod-stable) to point at the new revision last; namespaces"
                + " labelled with it are not relabelled.")
    String tag;

    @Override
    Rollout rollout(State state, Optional<String> name) {
      if (oneAtATime && !steps.isEmpty()) {
        throw new IllegalArgumentException("--one-at-a-time and --namespace exclude each other");
      }
      List<List<String>> groups = new ArrayList<>();
      for (String step : steps) {
        List<String> group = new ArrayList<>();
        for (String ns : step.split(",", -1)) {
          if (ns.isBlank()) {
            throw new IllegalArgumentException(
                "--namespace '" + step + "' has an empty namespace name");
          }
          group.add(ns.trim());
        }
        groups.add(group);
      }
      if (groups.isEmpty() && !oneAtATime && tag == null) {
        throw new IllegalArgumentException("give --namespace, --one-at-a-time or --tag");
      }
      // Without the current state, the options are checked against namespaces that are all on the
      // old revision, so that only the options can be wrong.
      State from = state;
      if (from == null) {
        List<Resource> placeholders = new ArrayList<>();
        groups.stream().flatMap(List::stream).distinct().forEach(ns -> placeholders.add(on(ns)));
        placeholders.add(on(PLACEHOLDER));
        from = State.of(placeholders);
      }
      RevisionUpgrade.Namespaces b =
          RevisionUpgrade.from(from).fromRevision(this.from).toRevision(to);
      RevisionUpgrade.Finish f;
      if (oneAtATime) {
        f = b.oneAtATime();
      } else if (groups.isEmpty()) {
        f = b.tagOnly(tag);
      } else {
        RevisionUpgrade.Options o = b.step(groups.get(0).toArray(String[]::new));
        for (List<String> g : groups.subList(1, groups.size())) {
          o = o.step(g.toArray(String[]::new));
        }
        f = o;
      }
      if (tag != null) {
        f = f.tag(tag);
      }
      name.ifPresent(f::name);
      return f.build();
    }

    /** A namespace on the old revision. */
    private Namespace on(String ns) {
      return Namespace.builder()
          .metadata(ObjectMeta.builder().name(ns).putLabels(Revisions.REV, from).build())
          .build();
    }
  }
}
