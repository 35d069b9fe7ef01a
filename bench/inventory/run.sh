#!/usr/bin/env bash
# Inventory parsing benchmark (see docs/benchmarks.md, "Inventory parsing").
# Generates a 1,000-host inventory (INI + group_vars/host_vars, and a YAML one), times rmqfleet's parser and
# host patterns inside one JVM (cold first load and warm medians), then the whole `rmqfleet inventory --list`
# process and, when installed, `ansible-inventory --list` on the same files.
# Usage: bench/inventory/run.sh [REPETITIONS]
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

echo "## rmqfleet, in-JVM ($REPS warm repetitions)"
java -cp "$CP" io.rmqfleet.controller.inventory.bench.InventoryBench --header
for format in ini yaml; do # one JVM each: the first load is a genuinely cold start
  java -cp "$CP" io.rmqfleet.controller.inventory.bench.InventoryBench "$WORK" "$REPS" "$format"
done

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
echo
echo "## Whole process: CPU user+sys of all threads (wall in brackets), median of 5"
echo "| command | time |"
echo "|---|---|"
echo "| rmqfleet inventory -i ini/hosts --list (java -cp, JVM start included) | $(wall java -cp "$CP" io.rmqfleet.controller.cli.Main inventory -i "$WORK/ini/hosts" --list) |"
if command -v ansible-inventory >/dev/null; then
  echo "| ansible-inventory -i ini/hosts --list ($(ansible-inventory --version 2>/dev/null | sed -n 1p)) | $(wall ansible-inventory -i "$WORK/ini/hosts" --list) |"
  echo "| ansible-inventory -i yaml/hosts.yml --list | $(wall ansible-inventory -i "$WORK/yaml/hosts.yml" --list) |"
fi
