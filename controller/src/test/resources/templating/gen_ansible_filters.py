# Regenerates ansible-filters.json with the installed Ansible (ansible-core 2.14):
#   /usr/bin/python3 gen_ansible_filters.py ansible-filters.json
# Each case renders "{{ expr }}" with Ansible's own Templar; FilterCompatTest expects rmqfleet to agree.
import json, sys
from ansible.template import Templar
from ansible.parsing.dataloader import DataLoader
vars = {
  "hosts": ["ns1", "ns2"], "nums": [3, 1, 2, 3], "words": ["b", "A", "a", "c"],
  "cfg": {"heap": "256m", "opts": {"gc": "G1"}, "list": [1, 2]},
  "brokers": [{"name": "b", "id": 1, "master": False, "z": {"zone": "z2"}}, {"name": "a", "id": 0, "master": True, "z": {"zone": "z1"}}],
  "s": "  Hello World  ", "path": "/etc/rocketmq/broker.conf", "nested": [1, [2, [3, [4]]]],
  "u": "été", "yesno": ["yes", "no", "on", "off", "1", "0", "true", "false", "Y"],
}
exprs = [
  "nums | join(',')", "hosts | join", "nums | join(', ')", "brokers | join(',', attribute='name')" ,
  "'42' | int", "'3.7' | int", "'abc' | int", "'abc' | int(7)", "true | int", "3.9 | int", "'0x1F' | int(0, 16)", "' 12 ' | int",
  "yesno | map('bool') | list", "1 | bool", "2 | bool", "'TRUE' | bool", "none | bool",
  "cfg | to_json", "brokers | to_json", "u | to_json", r"'a\"b\c\n' | to_json", "[1.5, none, true] | to_json", "cfg | to_json(sort_keys=true)",
  "cfg | to_nice_json", "brokers | to_nice_json", "[] | to_nice_json", "{} | to_nice_json", "cfg | to_nice_json(indent=2)",
  "cfg | to_yaml", "brokers | to_yaml", "hosts | to_yaml", "'x' | to_yaml", "cfg | to_nice_yaml", "brokers | to_nice_yaml", "{'a': ['yes', '1', 'x y', '', 'a: b', '-x', '- x', '#c', 'k:v']} | to_yaml", "{'a': ['yes', '1', 'x y', '', 'a: b', '-x', '- x', '#c', 'k:v']} | to_nice_yaml",
  "'broker-a' | regex_replace('-a$', '-b')", r"'10.0.0.1:9876' | regex_replace('^(.*):(\d+)$', '\2@\1')", r"'abc' | regex_replace('(?P<first>a)', '\g<first>\g<first>')", "'AbC' | regex_replace('b', 'x', ignorecase=true)", r"'a$b' | regex_replace('\$', '')", r"'a\\b' | regex_replace('\\\\', '/')", r"'path\to' | replace('\\', '/')", "'x' | regex_replace('x', '$1')",
  "s | upper", "s | lower", "hosts | length", "cfg | length", "s | length", "'' | length",
  "brokers | map(attribute='name') | list", "brokers | map(attribute='z.zone') | list", "hosts | map('upper') | list", "nums | map('string') | list", "hosts | map('regex_replace', 'ns', 'n') | list", "brokers | map(attribute='missing', default='d') | list",
  "nums | select('odd') | list", "nums | select('equalto', 3) | list", "nums | select('>', 1) | list", "nums | reject('odd') | list", "[0, 1, '', 'a', none] | select | list",
  "brokers | selectattr('master') | map(attribute='name') | list", "brokers | selectattr('name', 'equalto', 'a') | map(attribute='id') | list", "brokers | rejectattr('master') | map(attribute='name') | list", "brokers | selectattr('id', '>=', 1) | map(attribute='name') | list", "brokers | selectattr('missing', 'defined') | list", "brokers | selectattr('name', 'in', ['a', 'x']) | map(attribute='name') | list",
  "nums | first", "nums | last", "'abc' | first", "nums | unique | list", "words | unique | list", "words | unique(case_sensitive=true) | list",
  "nums | sort | list", "words | sort | list", "words | sort(case_sensitive=true) | list", "nums | sort(reverse=true) | list", "brokers | sort(attribute='name') | map(attribute='id') | list",
  "s | trim", "s | replace('l', 'L')", "s | replace('l', 'L', 2)", "5 | string", "true | string", "hosts | string", "none | string",
  "nothing | default('d')", "none | default('d')", "'' | default('d', true)", "'' | d('d')", "0 | default(5, true)",
  "cfg | combine({'heap': '1g'})", "cfg | combine({'opts': {'x': 1}}, recursive=true)", "{'a': [1]} | combine({'a': [2]}, list_merge='append')",
  "cfg | dict2items", "{'a': 1} | dict2items(key_name='k', value_name='v')", "[{'key': 'a', 'value': 1}] | items2dict",
  "true | ternary('yes', 'no')", "0 | ternary('yes', 'no')", "none | ternary('yes', 'no', 'null')",
  "nested | flatten", "nested | flatten(1)", "nums | min", "nums | max", "path | basename", "path | dirname", "'it' ~ \"'s x\" | quote", "'abc' | quote",
  "'[1, 2]' | from_json", "'a: [1, yes]' | from_yaml", r"'x=1' | regex_search('x=(\d)', '\1')", r"'k=v' | regex_search('(?P<k>\w)=(?P<v>\w)', '\g<v>', '\g<k>')", "'x=1' | regex_search('y')", "'a.b' | regex_escape",
  "'1.5' | float", "'x' | float", "3 | float",
  "[1, 2] | sum", "cfg.keys() | list", "'%s-%s' | format('a', 1)", "range(3) | list", "'abc' | list",
]
t = Templar(loader=DataLoader(), variables=vars)
out = []
for e in exprs:
    try:
        r = t.template("{{ " + e + " }}", convert_bare=False)
        out.append([e, "OK", repr(r) if not isinstance(r, str) else r, type(r).__name__])
    except Exception as ex:
        out.append([e, "ERR", str(ex).split('\n')[0], ""])
json.dump({'vars': vars, 'cases': out}, open(sys.argv[1] if len(sys.argv) > 1 else 'ansible-filters.json', 'w'), indent=1, ensure_ascii=False)

