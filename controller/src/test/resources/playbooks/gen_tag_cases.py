# Regenerates tag-cases.json from Ansible's own Taggable.evaluate_tags (ansible-core 2.14):
#   /usr/bin/python3 gen_tag_cases.py tag-cases.json
# TagSelectionTest expects rmqfleet's TagSelection to agree on every case.
import itertools, json, sys
from ansible.playbook.taggable import Taggable

class T(Taggable):
    def __init__(self, tags):
        self.tags = tags
        self._loader = None

task_tags = [[], ["a"], ["b"], ["a", "b"], ["always"], ["never"], ["never", "a"], ["always", "a"], ["untagged"]]
selections = [[], ["all"], ["a"], ["b"], ["a", "b"], ["tagged"], ["untagged"], ["never"], ["always"], ["c"]]
cases = []
for tt, only, skip in itertools.product(task_tags, selections, selections):
    t = T(list(tt))
    only_eff = only if only else ["all"]
    cases.append({"task": tt, "tags": only_eff, "skip": skip,
                  "runs": t.evaluate_tags(frozenset(only_eff), frozenset(skip), {})})
json.dump(cases, open(sys.argv[1] if len(sys.argv) > 1 else "tag-cases.json", "w"))
