#!/usr/bin/env bash
# Parsing + planning benchmark (see docs/benchmarks.md, "Planning").
# Generates a 1,000-host inventory and a 50-task playbook (roles with a dependency, blocks, loops, conditions,
# import/include, serial batches, templated play name and vars_files), times rmqfleet's inventory loading,
# playbook parsing and planning inside one JVM (cold first run, then warm medians), then the whole
# `rmqfleet apply --list-tasks` process and, when installed, `ansible-playbook --list-tasks` on the same files.
# Usage: bench/planner/run.sh [REPETITIONS]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
REPS="${1:-20}"
cd "$ROOT"
CP_FILE="$(mktemp)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK" "$CP_FILE"' EXIT
mvn -B -q -o -pl controller -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test >/dev/null
CP="controller/target/test-classes:controller/target/classes:$(cat "$CP_FILE")"

echo "## rmqfleet, in-JVM (cold first run, then $REPS warm repetitions)"
java -cp "$CP" io.rmqfleet.controller.playbook.bench.PlannerBench "$WORK" "$REPS"

wall() { # prints "user+sys CPU ms (wall ms)" of the median-CPU run of 5 runs of "$@"
  local results=()
  for _ in 1 2 3 4 5; do
    local s e t
    s=$(date +%s%N)
    /usr/bin/time -f '%U %S' -o "$WORK/time.txt" "$@" >/dev/null 2>&1
    t=$(tail -1 "$WORK/time.txt")
    e=$(date +%s%N)
    results+=("$(awk -v t="$t" 'BEGIN{split(t,a," "); printf "%d", (a[1]+a[2])*1000}') $(( (e - s) / 1000000 ))")
  done
  printf '%s\n' "${results[@]}" | sort -n | sed -n 3p | awk '{printf "%s ms (%s ms)", $1, $2}'
}
INV="$WORK/inventory/hosts"
PB="$WORK/playbook/site.yml"
echo
echo "## Whole process: CPU user+sys of all threads (wall in brackets), median of 5"
echo "| command | time |"
echo "|---|---|"
echo "| rmqfleet apply --list-tasks (java -cp, JVM start included) | $(wall java -cp "$CP" io.rmqfleet.controller.cli.Main apply -i "$INV" "$PB" --list-tasks) |"
echo "| rmqfleet apply --list-hosts | $(wall java -cp "$CP" io.rmqfleet.controller.cli.Main apply -i "$INV" "$PB" --list-hosts) |"
if command -v ansible-playbook >/dev/null; then
  echo "| ansible-playbook --list-tasks ($(ansible-playbook --version 2>/dev/null | awk 'NR==1')) | $(wall ansible-playbook -i "$INV" "$PB" --list-tasks) |"
  echo "| ansible-playbook --list-hosts | $(wall ansible-playbook -i "$INV" "$PB" --list-hosts) |"
fi
