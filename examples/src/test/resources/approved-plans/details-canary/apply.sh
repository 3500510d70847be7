#!/usr/bin/env bash
# Applies plan details-canary: 4 stages in order, with the barrier after each (see plan.yaml).
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

# Stage 001 of step add-canary-subset: DestinationRule bookinfo/details starts using pods
# bookinfo/version=v2
# Then: gate
if ((from <= 1)); then
  say '==> Stage 001 of 004 (step add-canary-subset): DestinationRule bookinfo/details starts using pods bookinfo/version=v2'
  kube apply -f 001-add-canary-subset-destinationrules.yaml
  wait_for_propagation
  gate 001 'step shift-50' 002
fi

# Stage 002 of step shift-50: VirtualService bookinfo/details starts using subset
# details.bookinfo.svc.cluster.local/v2
# Then: gate
if ((from <= 2)); then
  say '==> Stage 002 of 004 (step shift-50): VirtualService bookinfo/details starts using subset details.bookinfo.svc.cluster.local/v2'
  kube apply -f 002-shift-50-virtualservices.yaml
  wait_for_propagation
  gate 002 'step shift-100' 003
fi

# Stage 003 of step shift-100: send all details traffic to v2 (VirtualService bookinfo/details is
# updated)
# Then: gate
if ((from <= 3)); then
  say '==> Stage 003 of 004 (step shift-100): send all details traffic to v2 (VirtualService bookinfo/details is updated)'
  kube apply -f 003-shift-100-virtualservices.yaml
  wait_for_propagation
  gate 003 'step drop-stable-subset' 004
fi

# Stage 004 of step drop-stable-subset: DestinationRule bookinfo/details drops subset
# details.bookinfo.svc.cluster.local/v1 now that nothing uses it
# Then: none
if ((from <= 4)); then
  say '==> Stage 004 of 004 (step drop-stable-subset): DestinationRule bookinfo/details drops subset details.bookinfo.svc.cluster.local/v1 now that nothing uses it'
  kube apply -f 004-drop-stable-subset-destinationrules.yaml
fi

if [[ $dry_run == true ]]; then
  say '==> Dry run of plan details-canary: nothing was applied'
else
  say '==> Done: plan details-canary applied'
fi
