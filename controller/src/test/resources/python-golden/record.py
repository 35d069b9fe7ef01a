"""Records what CPython (the interpreter Ansible runs on) does with INI values, so unit tests need no Python.

literals.json: for each input, Ansible's InventoryModule._parse_value result as JSON, or an error.
shlex.json:    for each host line, shlex.split(line, comments=True) or the error.
floats.json:   repr() of floats.
Run with the interpreter of ansible-inventory: /usr/bin/python3 record.py
"""
import ast
import json
import shlex

LITERALS = [
    "42", "-7", "+3", "0", "00", "007", "0x1F", "0X1f", "0o17", "0b101", "1_000", "1__0", "1_", "0_0", "0_1",
    "1.5", "1.", ".5", "1e3", "1E-2", "1.5e+10", "1e400", "-1e400", "1_0.0_1", "01.5", "0e5", "1e", "1.e5",
    "123456789012345678901234567890", "-9223372036854775808", "9223372036854775808",
    "True", "False", "None", "true", "yes", "no", "-True", "--1", "- 1", "-(1)", "(-1)", "+(-1)",
    "[1,2,3]", "[1, 2, 3,]", "[]", "()", "(1,)", "(1)", "1,2", "1,", "(1, 2)", "[(1, 2), [3]]",
    "{}", "{'a': 1}", "{\"a\": [1, {'b': None}]}", "{'a': 1, 'a': 2}", "{1: 'x', 2: 'y'}", "{1: 'a', True: 'b'}",
    "{1: 'a', 1.0: 'b'}", "{'k': 1,}", "{1, 2}", "set()", "{[1]: 2}", "{(1, [2]): 3}", "{1: [1], 2: {}}",
    "'single'", "\"double\"", "'''triple'''", "\"\"\"tri\"ple\"\"\"", "'a' 'b'", "'a' \"b\" 'c'", "u'unicode'",
    "r'\\d+'", "R'\\n'", "b'bytes'", "rb'\\x00'", "b'\\xff'", "b'\\xc3\\xa9'", "'a' b'b'", "f'x'", "f'{x}'",
    "'tab\\there'", "'nl\\n'", "'\\x41\\u00e9\\U0001F680'", "'\\N{LATIN SMALL LETTER E WITH ACUTE}'", "'\\101'",
    "'\\q'", "'\\x4'", "'unterminated", "\"mixed'", "'it\\'s'", "'\u00e9t\u00e9'", "\u00e9t\u00e9",
    "abc", "a.b", "len(x)", "1+2", "1-2", "1*2", "1+2j", "1j", "x if y else z", "not True", "lambda: 0", "[1 2]",
    "{1: 2, 3}", "{**x}", "[*x]", "...", "1 # comment", "  42", "\t42", "42  ", "# just a comment", "",
    " ", "a=b", "http://example.com:8080/x", "10.0.0.1", "1.2.3", "2001-12-14", "12:30", "-", "+", "=",
    "[1, [2, [3, [4]]]]", "((((1))))", "[" * 199 + "]" * 199, "[" * 201 + "]" * 201, "1" * 4301, "1" * 4300,
    "0x" + "f" * 20, "'\\x00'", "'\\x7f'", "'\\u2028'", "'a\\\\b'", "(1, 'two', [3.0, None], {'k': (4,)})",
    "[1,2][0]", "{'a':1}['a']", "set([1])", "frozenset()", "1if 1 else 2", "0xg", "1_000_000.5", "1e-5", "0.1",
]

def parse_value(v):
    try:
        v = ast.literal_eval(v)
    except ValueError:
        pass
    except SyntaxError:
        pass
    if isinstance(v, bytes):
        v = v.decode('utf-8', 'surrogateescape')
    return v

def to_json(v):
    if isinstance(v, (set, frozenset)):
        return sorted(v, key=repr)
    if isinstance(v, dict):
        return {json.dumps(k) if not isinstance(k, str) else k: to_json(x) for k, x in v.items()}
    if isinstance(v, (list, tuple)):
        return [to_json(x) for x in v]
    if isinstance(v, complex):
        return {"complex": repr(v)}
    if v is Ellipsis:
        return {"ellipsis": True}
    if isinstance(v, float) and (v != v or v in (float('inf'), float('-inf'))):
        return {"float": repr(v)}
    return v

literals = []
for text in LITERALS:
    entry = {"input": text}
    try:
        value = parse_value(text)
        entry["type"] = type(value).__name__
        entry["json"] = to_json(value)
        entry["repr"] = repr(value) if not isinstance(value, str) else value
    except Exception as e:
        entry["error"] = type(e).__name__ + ": " + str(e)
    literals.append(entry)

SHLEX = [
    "h1 a=1 b=2", "h1 a=\"x y\" b='c d'", "h1 a=pre\"mid\"post", "h1 a=\\ b", "h1 # comment a=1",
    "h1 a=x#y b=2", "h1 a=\"x#y\"", "h1 a=''", "h1 a=\"\"", "h1 '' b", "h1 a=\"back\\\\slash\"",
    "h1 a=\"keep \\n\"", "h1 a='no \\' escape'", "h1 a=\"esc \\\" quote\"", "h1 a=\"unterminated",
    "h1 a=\\", "h1\ta=1\t\tb=2", "h1 a=1\rb=2", "h1 \"a b\"=c", "h1 a=\\$HOME", "h1 a='x'\"y\"z",
    "h1 a=é b=🚀", "h1 a=\"é 🚀\"", "#all comment", "h1 ;not=comment",
]
shlexed = []
for line in SHLEX:
    entry = {"input": line}
    try:
        entry["tokens"] = shlex.split(line, comments=True)
    except ValueError as e:
        entry["error"] = str(e)
    shlexed.append(entry)

FLOATS = [0.0, -0.0, 1.0, 1000.0, 1e15, 1e16, 1.5e16, 1e20, 123456789.123, 0.0001, 0.00001, 1.5e-05, 0.1, 0.3,
          2.5, 1e100, 1.7976931348623157e308, 5e-324, 1 / 3, 2 / 3, 100.0, 12345678901234567.0, 9.999999999999999e22]
floats = [{"value": f, "repr": repr(f)} for f in FLOATS]

for name, data in (("literals.json", literals), ("shlex.json", shlexed), ("floats.json", floats)):
    with open(name, "w", encoding="utf-8") as fh:
        json.dump(data, fh, indent=1, ensure_ascii=True)
        fh.write("\n")
