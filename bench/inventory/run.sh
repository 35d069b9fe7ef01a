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
java -cp "$CP" io.rmqfleet.controller.inventory.bench.InventoryBench "$WORK" "$REPS"

wall() { # prints the median wall time in ms of 5 runs of "$@"
  local times=()
  for _ in 1 2 3 4 5; do
    local s e
    s=$(date +%s%N); "$@" >/dev/null 2>&1; e=$(date +%s%N)
    times+=($(( (e - s) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | sed -n 3p
}
echo
echo "## Whole process, median of 5 (ms)"
echo "| command | ms |"
echo "|---|---|"
echo "| rmqfleet inventory -i ini/hosts --list (java -cp, JVM start included) | $(wall java -cp "$CP" io.rmqfleet.controller.cli.Main inventory -i "$WORK/ini/hosts" --list) |"
if command -v ansible-inventory >/dev/null; then
  echo "| ansible-inventory -i ini/hosts --list ($(ansible-inventory --version | head -1)) | $(wall ansible-inventory -i "$WORK/ini/hosts" --list) |"
  echo "| ansible-inventory -i yaml/hosts.yml --list | $(wall ansible-inventory -i "$WORK/yaml/hosts.yml" --list) |"
fi
