#!/usr/bin/env bash
# Controller ingest and drift benchmark (docs/benchmarks.md, "Controller ingest and drift").
# One controller (rmqfleet serve, -Xmx512m) on 127.0.0.1; simulated agents in a second JVM on loopback:
#   1. paced: AGENTS agents each reporting every 5 s for PACED_S seconds (open loop, latency from scheduled send)
#   2. flood: the same agents as fast as CONNS keep-alive connections allow for FLOOD_S seconds (sustained max)
#   3. drift: POST /api/v1/drift/checks over the stored reports of a 1,000-host inventory (median of 5), and the
#      pure engine on 1,000 hosts in one JVM (cold + warm median)
# The controller's heap (jvm_memory_used_bytes, area=heap) is sampled every second; the maximum is printed.
# Bounded: every phase has a fixed duration and request cap; only 127.0.0.1 is contacted.
# Usage: bench/ingest/run.sh [AGENTS=10000] [PACED_S=60] [FLOOD_S=30] [CONNS=64]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
AGENTS="${1:-10000}"; PACED_S="${2:-60}"; FLOOD_S="${3:-30}"; CONNS="${4:-64}"
cd "$ROOT"
WORK="$(mktemp -d)"
CP_FILE="$WORK/cp"
SERVER_PID=""; SAMPLER_PID=""
cleanup() {
  [[ -n "$SAMPLER_PID" ]] && kill "$SAMPLER_PID" 2>/dev/null || true
  if [[ -n "$SERVER_PID" ]]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT

mvn -B -q -o -pl controller -am test-compile dependency:build-classpath \
  -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test -Dmdep.excludeArtifactIds=rmqfleet-agent >/dev/null
CP="controller/target/test-classes:controller/target/classes:$(cat "$CP_FILE")"

java -cp "$CP" io.rmqfleet.controller.bench.IngestLoad prepare "$WORK" "$AGENTS"
ADMIN="bench-admin-token-0123456789"
echo "$ADMIN" > "$WORK/admin.token"
cat > "$WORK/serve.yml" <<YAML
listen: {host: 127.0.0.1, port: 0}
admin_token_file: admin.token
agent_tokens_file: agents.yml
inventory: inventory.ini
database: db/state
drift: {interval: 1h}
YAML

java -Xms128m -Xmx512m -cp "$CP" io.rmqfleet.controller.cli.Main serve --config "$WORK/serve.yml" >"$WORK/serve.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 600); do
  grep -q 'listening on' "$WORK/serve.log" && break
  kill -0 "$SERVER_PID" 2>/dev/null || { cat "$WORK/serve.log"; exit 1; }
  sleep 0.1
done
URL="$(grep -o 'http://127.0.0.1:[0-9]*' "$WORK/serve.log" | head -1)"
echo "controller: $URL (pid $SERVER_PID, -Xmx512m), agents: $AGENTS, machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

heap() { curl -s -H "Authorization: Bearer $ADMIN" "$URL/metrics" \
  | awk '/^jvm_memory_used_bytes\{area="heap"/ {s += $NF} END {printf "%.0f\n", s}'; }
( while true; do heap >> "$WORK/heap.txt" 2>/dev/null || true; sleep 1; done ) &
SAMPLER_PID=$!

# The machine is shared: wall-clock rates mostly measure waiting for a core. The controller's own CPU time per
# report (utime+stime from /proc) says what ingest costs on an idle core.
TCK="$(getconf CLK_TCK)"
cpu() { awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"; }
phase() { # phase NAME ARGS...: runs the load generator, then prints the controller's CPU per report
  local name="$1"; shift
  local before after out n
  before="$(cpu)"
  out="$(java -Xmx1g -cp "$CP" io.rmqfleet.controller.bench.IngestLoad "$@")"
  after="$(cpu)"
  echo "$out"
  n="$(echo "$out" | grep -o -E '(requests=|warm-up: )[0-9]+' | grep -o -E '[0-9]+' | paste -sd+ | bc)"
  awk -v c="$(( after - before ))" -v t="$TCK" -v n="$n" -v name="$name" 'BEGIN {
    s = c / t; printf "%s: controller CPU %.1f s for %d reports = %.0f us/report -> %.0f reports/s per idle core\n",
    name, s, n, s * 1e6 / n, n / s }'
}
phase paced paced "$URL" "$AGENTS" 5000 "$PACED_S" "$CONNS"
phase flood flood "$URL" "$AGENTS" "$FLOOD_S" "$CONNS"
kill "$SAMPLER_PID" 2>/dev/null || true; SAMPLER_PID=""
echo "controller heap used, max of 1 s samples: $(( $(sort -n "$WORK/heap.txt" | tail -1) / 1048576 )) MiB"

times=()
for _ in 1 2 3 4 5; do
  times+=("$(curl -s -o /dev/null -w '%{time_total}' -X POST -H "Authorization: Bearer $ADMIN" "$URL/api/v1/drift/checks")")
done
echo "POST /api/v1/drift/checks, 1,000-host inventory: median $(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p) s (all: ${times[*]})"
curl -s -H "Authorization: Bearer $ADMIN" "$URL/api/v1/drift" | python3 -c 'import json,sys; d=json.load(sys.stdin); print("  checked", d["machines_checked"], "machines,", d["containers_checked"], "containers, findings:", d["counts"])'
java -cp "$CP" io.rmqfleet.controller.bench.DriftBench 1000 50
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
