#!/usr/bin/env bash
# Records the real Ansible's view of every corpus case as golden files under CASE/expected/:
#   list.json (ansible-inventory --list), graph.all.txt (--graph), graph-vars.all.txt (--graph --vars),
#   graph.N.txt (--graph GROUP for the N-th graph= line), host.N.json (--host for the N-th host= line),
#   patterns.json (InventoryManager.list_hosts for every pattern= line, with --limit after '|').
# Needs ansible-core (tested with 2.14, Debian's 'ansible' package). Usage: record.sh [CASE...]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
CORPUS="$PWD"
ANSIBLE_INVENTORY="$(command -v ansible-inventory)"
PYTHON="$(head -1 "$ANSIBLE_INVENTORY" | sed -e 's/^#! *//' -e 's/ .*//')"
export ANSIBLE_CONFIG="$CORPUS/ansible-defaults.cfg" ANSIBLE_NOCOLOR=1 ANSIBLE_FORCE_COLOR=0 ANSIBLE_DEPRECATION_WARNINGS=0

value() { grep "^$1=" case.txt | sed "s/^$1=//" || true; }

record_case() {
  local dir="$1"
  cd "$CORPUS/$dir"
  local -a src=()
  for s in $(value sources); do src+=(-i "$s"); done
  rm -rf expected && mkdir expected
  "$ANSIBLE_INVENTORY" "${src[@]}" --list > expected/list.json 2>/dev/null
  "$ANSIBLE_INVENTORY" "${src[@]}" --graph > expected/graph.all.txt 2>/dev/null
  "$ANSIBLE_INVENTORY" "${src[@]}" --graph --vars > expected/graph-vars.all.txt 2>/dev/null
  local n=0
  while IFS= read -r group; do
    [[ -z "$group" ]] && continue
    n=$((n + 1)); "$ANSIBLE_INVENTORY" "${src[@]}" --graph "$group" > "expected/graph.$n.txt" 2>/dev/null
  done < <(value graph)
  n=0
  while IFS= read -r host; do
    [[ -z "$host" ]] && continue
    n=$((n + 1)); "$ANSIBLE_INVENTORY" "${src[@]}" --host "$host" > "expected/host.$n.json" 2>/dev/null
  done < <(value host)
  value pattern | "$PYTHON" "$CORPUS/ansible_patterns.py" $(value sources) > expected/patterns.json 2>/dev/null
  echo "recorded $dir"
}

if [[ $# -gt 0 ]]; then cases=("$@"); else cases=(); for d in */; do [[ -f "$d/case.txt" ]] && cases+=("${d%/}"); done; fi
for c in "${cases[@]}"; do record_case "$c"; done
