package dev.sailplan.core.plan.render;

import dev.sailplan.core.generic.GenericObject;
import dev.sailplan.core.meta.Resource;
import dev.sailplan.core.plan.Barrier;
import dev.sailplan.core.plan.Change;
import dev.sailplan.core.plan.Plan;
import dev.sailplan.core.plan.Revisions;
import dev.sailplan.core.plan.Workloads;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Writes {@code apply.sh}: the stages in order with their barriers, as plain bash. */
final class ApplyScript {
  private ApplyScript() {}

  /** The script's text. */
  static String render(Plan plan, List<Layout.Entry> entries, PlanOptions options) {
    StringBuilder s = new StringBuilder(4096);
    int total = entries.size();
    s.append("#!/usr/bin/env bash\n");
    Text.appendComment(
        s,
        "Applies plan "
            + Text.oneLine(plan.name())
            + ": "
            + total
            + " stage"
            + (total == 1 ? "" : "s")
            + " in order, with the barrier after each (see plan.yaml).");
    s.append("# Written by Sailplan: render the plan again rather than edit this file.\n");
    s.append("#\n");
    s.append(
        "# Exit status: 0 done; 1 a command failed or the proxies stayed STALE; 2 bad usage;\n");
    s.append("# 3 stopped at a gate (resume with --from and the next stage's number).\n");
    s.append("set -euo pipefail\n\n");
    s.append("yes=false\n");
    s.append("settle=").append(options.settleSeconds()).append('\n');
    s.append("timeout=").append(options.proxyStatusTimeoutSeconds()).append('\n');
    s.append("context=\n");
    s.append("from=1\n");
    s.append("dry_run=false\n\n");
    // Locale.ROOT: under an Arabic or Persian default locale %d prints other digits, which bash
    // does not read as numbers.
    s.append(
        String.format(
            Locale.ROOT,
            """
        usage() {
          cat <<'EOF'
        Usage: ./apply.sh [--yes] [--settle SECONDS] [--timeout SECONDS] [--context CTX]
                          [--from STAGE] [--dry-run]
          --yes              do not stop at gates
          --settle SECONDS   minimum delay after each propagation barrier (default %d)
          --timeout SECONDS  longest wait for no proxy STALE in istioctl proxy-status (default %d)
          --context CTX      kubeconfig context for kubectl and istioctl
          --from STAGE       start at this stage number, e.g. to resume after a gate
          --dry-run          print the commands instead of running them
        EOF
        }

        while [[ $# -gt 0 ]]; do
          case $1 in
            --yes) yes=true ;;
            --dry-run) dry_run=true ;;
            --settle | --timeout | --context | --from)
              if [[ $# -lt 2 ]]; then
                echo "apply.sh: $1 needs a value" >&2
                usage >&2
                exit 2
              fi
              case $1 in
                --settle) settle=$2 ;;
                --timeout) timeout=$2 ;;
                --context) context=$2 ;;
                --from) from=$2 ;;
              esac
              shift
              ;;
            -h | --help)
              usage
              exit 0
              ;;
            *)
              echo "apply.sh: unknown option: $1" >&2
              usage >&2
              exit 2
              ;;
          esac
          shift
        done
        for value in "$settle" "$timeout" "$from"; do
          if [[ ! $value =~ ^[0-9]+$ ]]; then
            echo "apply.sh: not a whole number: $value" >&2
            exit 2
          fi
        done
        settle=$((10#$settle))
        timeout=$((10#$timeout))
        from=$((10#$from))
        """,
            options.settleSeconds(),
            options.proxyStatusTimeoutSeconds()));
    s.append("if ((from < 1 || from > ").append(Math.max(1, total)).append(")); then\n");
    s.append("  echo \"apply.sh: no stage $from: the plan has ")
        .append(total)
        .append(" stage")
        .append(total == 1 ? "" : "s")
        .append("\" >&2\n");
    s.append("  exit 2\nfi\n\n");
    s.append(
        """
        cd "$(dirname "${BASH_SOURCE[0]}")"

        say() {
          printf '%s\\n' "$*"
        }

        # Prints a command as it would run, one shell word per argument.
        show() {
          printf '+'
          printf ' %q' "$@"
          printf '\\n'
        }

        run() {
          if [[ $dry_run == true ]]; then
            show "$@"
          else
            "$@"
          fi
        }

        kube() {
          run kubectl ${context:+--context "$context"} "$@"
        }

        # Waits until istioctl proxy-status shows no proxy STALE for any xDS type, then the
        # settle delay; without istioctl, the settle delay alone. (istioctl experimental wait no
        # longer exists: it was removed with config-distribution tracking in Istio 1.23.)
        wait_for_propagation() {
          say "==> Waiting for the proxies: no STALE in istioctl proxy-status (at most ${timeout}s), then ${settle}s"
          if [[ $dry_run == true ]]; then
            show istioctl ${context:+--context "$context"} proxy-status
            show sleep "$settle"
            return
          fi
          if command -v istioctl >/dev/null 2>&1; then
            local deadline=$((SECONDS + timeout)) status=
            while :; do
              if status=$(istioctl ${context:+--context "$context"} proxy-status 2>&1) && [[ $status != *STALE* ]]; then
                break
              fi
              if ((SECONDS >= deadline)); then
                echo "apply.sh: proxies still STALE (or istioctl proxy-status failing) after ${timeout}s:" >&2
                printf '%s\\n' "$status" >&2
                exit 1
              fi
              sleep 2
            done
          else
            say "==> istioctl is not on PATH: cannot see propagation, waiting the settle delay only"
          fi
          sleep "$settle"
        }

        # Stops for confirmation unless --yes: $1 the stage just applied, $2 the next step, $3 the
        # next stage's number (empty after the last stage).
        gate() {
          local resume=
          if [[ -n $3 ]]; then
            resume=" (resume with --from $3)"
          fi
          if [[ $yes == true ]]; then
            say "==> Gate after stage $1: going on (--yes)"
            return
          fi
          if [[ $dry_run == true ]]; then
            say "==> Gate after stage $1: would ask before $2"
            return
          fi
          if [[ ! -t 0 ]]; then
            echo "apply.sh: stage $1 ends at a gate and standard input is not a terminal: check the rollout, then pass --yes to go on$resume" >&2
            exit 3
          fi
          local answer=
          read -r -p "Stage $1 applied. Continue with $2? [y/N] " answer || true
          case $answer in
            y | Y) ;;
            *)
              echo "apply.sh: stopped at the gate after stage $1$resume" >&2
              exit 3
              ;;
          esac
        }

        """);
    if (entries.stream().anyMatch(e -> e.stage().then() == Barrier.RESTART)) {
      s.append(RESTART_FUNCTIONS);
    }
    if (entries.stream().anyMatch(e -> !tags(e).isEmpty())) {
      s.append(TAG_FUNCTION);
    }
    for (Layout.Entry e : entries) {
      stage(s, e, total, Layout.next(entries, e));
    }
    String name = Text.oneLine(plan.name());
    s.append("if [[ $dry_run == true ]]; then\n");
    s.append("  say ")
        .append(Text.shell("==> Dry run of plan " + name + ": nothing was applied"))
        .append('\n');
    s.append("else\n");
    s.append("  say ").append(Text.shell("==> Done: plan " + name + " applied")).append('\n');
    s.append("fi\n");
    return s.toString();
  }

  /** The revision tags the stage applies, which {@code istioctl tag set} moves. */
  private static List<Resource> tags(Layout.Entry e) {
    return e.stage().applies().stream().filter(r -> Revisions.tagOf(r).isPresent()).toList();
  }

  /** The functions of a {@link Barrier#RESTART}. */
  private static final String RESTART_FUNCTIONS =
      """
      # Restarts every Deployment, StatefulSet and DaemonSet of namespace $1, so that their pods
      # are injected again by the revision the namespace now names, and waits for each to roll
      # out. The workloads are listed when the stage runs: the cluster's, not the plan's.
      restart_namespace() {
        local kind names name
        say "==> Restarting the workloads of namespace $1"
        for kind in deployment statefulset daemonset; do
          if [[ $dry_run == true ]]; then
            show kubectl ${context:+--context "$context"} rollout restart "$kind" -n "$1"
            continue
          fi
          names=$(kubectl ${context:+--context "$context"} get "$kind" -n "$1" -o name)
          for name in $names; do
            kubectl ${context:+--context "$context"} rollout restart "$name" -n "$1"
          done
          for name in $names; do
            kubectl ${context:+--context "$context"} rollout status "$name" -n "$1" "--timeout=${timeout}s"
          done
        done
      }

      # Restarts the workloads of every namespace labelled with revision tag $1 (and not with
      # istio-injection, which takes precedence): they are injected by the tag's new revision.
      restart_tagged() {
        local namespaces ns
        say "==> Restarting the workloads of the namespaces using revision tag $1"
        if [[ $dry_run == true ]]; then
          show kubectl ${context:+--context "$context"} get namespaces -l "istio.io/rev=$1,!istio-injection" -o name
          return
        fi
        namespaces=$(kubectl ${context:+--context "$context"} get namespaces -l "istio.io/rev=$1,!istio-injection" -o name)
        for ns in $namespaces; do
          restart_namespace "${ns#namespace/}"
        done
      }

      """;

  /** The function that moves a revision tag. */
  private static final String TAG_FUNCTION =
      """
      # Points revision tag $1 at revision $2: istioctl writes the tag's webhooks from the
      # revision's injector, which a manifest cannot know.
      set_tag() {
        if [[ $dry_run == true ]]; then
          show istioctl ${context:+--context "$context"} tag set "$1" --revision "$2" --overwrite
          return
        fi
        if ! command -v istioctl >/dev/null 2>&1; then
          echo "apply.sh: istioctl is not on PATH: it is needed to point revision tag $1 at $2" >&2
          exit 1
        fi
        say "==> Pointing revision tag $1 at revision $2"
        istioctl ${context:+--context "$context"} tag set "$1" --revision "$2" --overwrite
      }

      """;

  private static void stage(
      StringBuilder s, Layout.Entry e, int total, Optional<Layout.Entry> next) {
    Text.appendComment(
        s, "Stage " + e.nnn() + " of step " + e.step().name() + ": " + e.stage().reason());
    s.append("# Then: ").append(e.stage().then().value()).append('\n');
    s.append("if ((from <= ").append(e.number()).append(")); then\n");
    s.append("  say ")
        .append(
            Text.shell(
                "==> Stage "
                    + e.nnn()
                    + " of "
                    + Text.number(total)
                    + " (step "
                    + Text.oneLine(e.step().name())
                    + "): "
                    + Text.oneLine(e.stage().reason())))
        .append('\n');
    List<Resource> tags = tags(e);
    if (e.stage().applies().size() > tags.size()) {
      s.append("  kube apply -f ").append(Text.shell(e.file()));
      if (!tags.isEmpty()) {
        // The revision tags in the file are there to be read: istioctl writes their webhooks.
        s.append(" --selector ").append(Text.shell("!" + Revisions.TAG));
      }
      s.append('\n');
    }
    for (Change c : e.stage().changes()) {
      // kubectl apply removes only labels it set itself (its last-applied annotation), and
      // istio-injection, usually set by kubectl label, would keep winning over istio.io/rev.
      for (String label : List.of(Revisions.INJECTION, Revisions.REV)) {
        if (c.key().kind().equals("Namespace")
            && c.before().isPresent()
            && c.after().isPresent()
            && c.before().get().metadata().labels().containsKey(label)
            && !c.after().get().metadata().labels().containsKey(label)) {
          s.append("  kube label namespace ")
              .append(Text.shell(c.key().name()))
              .append(' ')
              .append(Text.shell(label + "-"))
              .append('\n');
        }
      }
    }
    for (Resource t : tags) {
      s.append("  set_tag ")
          .append(Text.shell(Revisions.tagOf(t).orElseThrow()))
          .append(' ')
          .append(Text.shell(Revisions.tagRevision(t)))
          .append('\n');
    }
    for (Change d : e.deletes()) {
      s.append("  kube delete --ignore-not-found ");
      if (!d.key().namespace().isEmpty()) {
        s.append("-n ").append(Text.shell(d.key().namespace())).append(' ');
      }
      s.append(Text.shell(Text.kubectlRef(d.key()))).append('\n');
    }
    Barrier then = e.stage().then();
    if (then == Barrier.ROLLOUT || then == Barrier.GATE || then == Barrier.RESTART) {
      // What comes next routes traffic to the pods: they must be ready, not only scheduled.
      for (GenericObject w : Workloads.rolledOut(e.stage().changes())) {
        s.append("  kube rollout status ")
            .append(
                Text.shell(
                    w.kind().toLowerCase(Locale.ROOT) + "/" + w.metadata().name().orElse("")));
        w.metadata()
            .namespace()
            .filter(ns -> !ns.isEmpty())
            .ifPresent(ns -> s.append(" -n ").append(Text.shell(ns)));
        s.append(" \"--timeout=${timeout}s\"\n");
      }
    }
    if (then == Barrier.RESTART) {
      for (String ns : Revisions.restarted(e.stage().changes())) {
        s.append("  restart_namespace ").append(Text.shell(ns)).append('\n');
      }
      for (Resource t : Revisions.movedTags(e.stage().changes())) {
        s.append("  restart_tagged ")
            .append(Text.shell(Revisions.tagOf(t).orElseThrow()))
            .append('\n');
      }
    }
    if (then != Barrier.NONE) {
      // A gate asks a person (or a metric check) about the change, so the change must be live
      // first.
      s.append("  wait_for_propagation\n");
    }
    // A restart stops too, except at the end of the plan: new proxies are checked before the next
    // namespace moves.
    if (then == Barrier.GATE || (then == Barrier.RESTART && next.isPresent())) {
      String nextStep =
          next.map(n -> "step " + Text.oneLine(n.step().name())).orElse("the end of the plan");
      s.append("  gate ")
          .append(e.nnn())
          .append(' ')
          .append(Text.shell(nextStep))
          .append(' ')
          .append(next.map(Layout.Entry::nnn).orElse("''"))
          .append('\n');
    }
    s.append("fi\n\n");
  }
}
