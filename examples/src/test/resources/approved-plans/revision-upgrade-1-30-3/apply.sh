#!/usr/bin/env bash
# Applies plan revision-upgrade-1-30-3: 4 stages in order, with the barrier after each (see
# plan.yaml).
# Written by Sailplan: render the plan again rather than edit this file.
#
# Exit status: 0 done; 1 a command failed or the proxies stayed STALE; 2 bad usage;
# 3 stopped at a gate (resume with --from and the next stage's number).
set -euo pipefail

yes=false
settle=5
timeout=300
context=
from=1
dry_run=false

usage() {
  cat <<'EOF'
Usage: ./apply.sh [--yes] [--settle SECONDS] [--timeout SECONDS] [--context CTX]
                  [--from STAGE] [--dry-run]
  --yes              do not stop at gates
  --settle SECONDS   minimum delay after each propagation barrier (default 5)
  --timeout SECONDS  longest wait for no proxy STALE in istioctl proxy-status (default 300)
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
if ((from < 1 || from > 4)); then
  echo "apply.sh: no stage $from: the plan has 4 stages" >&2
  exit 2
fi

cd "$(dirname "${BASH_SOURCE[0]}")"

say() {
  printf '%s\n' "$*"
}

# Prints a command as it would run, one shell word per argument.
show() {
  printf '+'
  printf ' %q' "$@"
  printf '\n'
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
        printf '%s\n' "$status" >&2
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

# Stage 001 of step move-bookinfo: move namespace bookinfo to revision 1-30-3 and restart its
# workloads (Namespace bookinfo is updated)
# Then: restart
if ((from <= 1)); then
  say '==> Stage 001 of 004 (step move-bookinfo): move namespace bookinfo to revision 1-30-3 and restart its workloads (Namespace bookinfo is updated)'
  kube apply -f 001-move-bookinfo-namespaces.yaml
  kube label namespace bookinfo istio-injection-
  restart_namespace bookinfo
  wait_for_propagation
  gate 001 'step move-payments' 002
fi

# Stage 002 of step move-payments: move namespace payments to revision 1-30-3 and restart its
# workloads (Namespace payments is updated)
# Then: restart
if ((from <= 2)); then
  say '==> Stage 002 of 004 (step move-payments): move namespace payments to revision 1-30-3 and restart its workloads (Namespace payments is updated)'
  kube apply -f 002-move-payments-namespaces.yaml
  restart_namespace payments
  wait_for_propagation
  gate 002 'step move-orders' 003
fi

# Stage 003 of step move-orders: move namespace orders to revision 1-30-3 and restart its workloads
# (Namespace orders is updated)
# Then: restart
if ((from <= 3)); then
  say '==> Stage 003 of 004 (step move-orders): move namespace orders to revision 1-30-3 and restart its workloads (Namespace orders is updated)'
  kube apply -f 003-move-orders-namespaces.yaml
  restart_namespace orders
  wait_for_propagation
  gate 003 'step move-tag-prod-stable' 004
fi

# Stage 004 of step move-tag-prod-stable: point revision tag prod-stable at revision 1-30-3 and
# restart the workloads of the namespaces using it (MutatingWebhookConfiguration
# istio-revision-tag-prod-stable is updated)
# Then: restart
if ((from <= 4)); then
  say '==> Stage 004 of 004 (step move-tag-prod-stable): point revision tag prod-stable at revision 1-30-3 and restart the workloads of the namespaces using it (MutatingWebhookConfiguration istio-revision-tag-prod-stable is updated)'
  set_tag prod-stable 1-30-3
  restart_tagged prod-stable
  wait_for_propagation
fi

if [[ $dry_run == true ]]; then
  say '==> Dry run of plan revision-upgrade-1-30-3: nothing was applied'
else
  say '==> Done: plan revision-upgrade-1-30-3 applied'
fi
