"""Prints, as JSON, the hosts real Ansible selects for each 'PATTERN[|LIMIT]' line on stdin.

Same code path as `ansible -i SOURCES PATTERN --limit LIMIT --list-hosts`, for many patterns in one process.
Usage: ansible_patterns.py SOURCE... < patterns
"""
import json
import sys

from ansible.inventory.manager import InventoryManager
from ansible.parsing.dataloader import DataLoader

inventory = InventoryManager(loader=DataLoader(), sources=sys.argv[1:])
results = []
for line in sys.stdin.read().splitlines():
    if not line.strip():
        continue
    pattern, _, limit = line.partition('|')
    inventory.subset(limit if limit else None)
    entry = {"pattern": pattern, "limit": limit or None}
    try:
        entry["hosts"] = [h if isinstance(h, str) else h.name for h in inventory.list_hosts(pattern)]
    except Exception as e:  # Ansible's error for this pattern: rmqfleet must fail too
        entry["error"] = str(e)
    results.append(entry)
print(json.dumps(results, indent=2, ensure_ascii=False))
