package io.rmqfleet.controller.playbook.template;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplarTest {

    static final Templar T = new Templar();

    static Map<String, Object> vars() {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", "broker-a");
        v.put("port", 10911);
        v.put("ratio", 1.5);
        v.put("enabled", true);
        v.put("nothing", null);
        v.put("blank", "");
        v.put("hosts", List.of("ns1", "ns2"));
        v.put("nums", List.of(3, 1, 2, 3));
        v.put("words", List.of("b", "A", "a", "c"));
        v.put("cfg", Map.of("heap", "256m", "opts", Map.of("gc", "G1")));
        v.put("brokers", List.of(
            map("name", "b", "id", 1, "master", false, "nested", map("zone", "z2")),
            map("name", "a", "id", 0, "master", true, "nested", map("zone", "z1"))));
        v.put("ref", "{{ name }}-{{ port }}");
        v.put("list_ref", "{{ hosts }}");
        v.put("loop_a", "{{ loop_b }}");
        v.put("loop_b", "{{ loop_a }}");
        v.put("to_undefined", "{{ nope }}");
        v.put("ok_result", map("changed", false, "failed", false, "rc", 0));
        v.put("bad_result", map("changed", true, "failed", true, "rc", 1));
        v.put("skipped_result", map("changed", false, "skipped", true));
        return v;
    }

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static String render(String template) {
        return (String) T.template(template, Vars.of(vars()));
    }

    static Object eval(String expr) {
        return T.evaluate(expr, Vars.of(vars()));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
        "plain text => plain text",
        "host {{ name }}:{{ port }} => host broker-a:10911",
        "{{ name | upper }} x => BROKER-A x",
        "x {{ hosts }} => x ['ns1', 'ns2']",
        "x {{ enabled }} {{ nothing }}. => x True .",
        "x {{ cfg.heap }} => x 256m",
        "x {{ cfg['opts'].gc }} => x G1",
        "x {{ ratio }} {{ 1e20 | float }} {{ 0.1 + 0.2 }} => x 1.5 1e+20 0.30000000000000004",
        "x {{ ref }} => x broker-a-10911",
        "{% for h in hosts %}{{ h }};{% endfor %} => ns1;ns2;",
        "{% if port > 100 %}big{% else %}small{% endif %} => big",
        "x {{ hosts | join(',') }} => x ns1,ns2",
        "x {{ [1, 'a', true, none] }} => x [1, 'a', True, None]",
        "x {{ {'k': false} }} => x {'k': False}",
        "x {{ \"it's\" }} => x it's",
        "x {{ [\"it's\"] }} => x [\"it's\"]",
        "x {{ name[0] }}{{ name[-1] }} => x ba",
        "x {{ {'a': {'b': 1}} }} => x {'a': {'b': 1}}",
        "x {{ 'a\\b' }} => x a\\b",
    })
    void rendersStrings(String template, String expected) {
        assertThat(render(template)).isEqualTo(expected);
    }

    @Test
    void singleExpressionKeepsNativeType() {
        Map<String, Object> v = vars();
        assertThat(T.template("{{ hosts }}", Vars.of(v))).isEqualTo(List.of("ns1", "ns2"));
        assertThat(T.template("{{ port }}", Vars.of(v))).isEqualTo(10911);
        assertThat(T.template("{{ port + 1 }}", Vars.of(v))).isEqualTo(10912);
        assertThat(T.template("{{ enabled }}", Vars.of(v))).isEqualTo(true);
        assertThat(T.template("{{ cfg }}", Vars.of(v))).isEqualTo(Map.of("heap", "256m", "opts", Map.of("gc", "G1")));
        assertThat(T.template("{{ {'a': [1, 2]} }}", Vars.of(v))).isEqualTo(Map.of("a", List.of(1, 2)));
        assertThat(T.template("{{ list_ref }}", Vars.of(v))).isEqualTo(List.of("ns1", "ns2"));
        assertThat(T.template("{{ nothing }}", Vars.of(v))).isNull();
        assertThat(T.template("{{- port -}}", Vars.of(v))).isEqualTo(10911);
        // Text around the expression makes it a string, as in Ansible.
        assertThat(T.template(" {{ port }}", Vars.of(v))).isEqualTo(" 10911");
    }

    @Test
    void templatesNestedStructuresAndDropsOmit() {
        Map<String, Object> args = new LinkedHashMap<>();
        args.put("dest", "/etc/{{ name }}.conf");
        args.put("ports", List.of("{{ port }}", "{{ port - 2 }}"));
        args.put("mode", "{{ undefined_mode | default(omit) }}");
        args.put("env", Map.of("HEAP", "{{ cfg.heap }}"));
        Vars v = Vars.of(vars()).with(Map.of("omit", Templar.OMIT));
        Object out = T.template(args, v);
        assertThat(out).isEqualTo(Map.of("dest", "/etc/broker-a.conf", "ports", List.of(10911, 10909),
            "env", Map.of("HEAP", "256m")));
    }

    @Test
    void undefinedVariableIsAnErrorNamingIt() {
        assertThatThrownBy(() -> render("x {{ nope }}"))
            .isInstanceOf(TemplateError.class).hasMessage("'nope' is undefined")
            .extracting(e -> ((TemplateError) e).variable()).isEqualTo("nope");
        assertThatThrownBy(() -> render("{{ nope }}")).hasMessage("'nope' is undefined");
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
        "x {{ cfg.missing }} => 'dict object' has no attribute 'missing'",
        "x {{ cfg.opts.missing }} => 'dict object' has no attribute 'missing'",
        "x {{ nope | upper }} => 'nope' is undefined",
        "x {{ nope ~ 'a' }} => 'nope' is undefined",
        "x {{ nope.foo }} => 'nope' is undefined",
        "x {{ [nope] }} => 'nope' is undefined",
        "x {{ hosts[5] }} => 'list object' has no element 5",
        "x {{ name[50] }} => 'str object' has no element 50",
        "{% if nope %}a{% endif %} => 'nope' is undefined",
        "{% for x in nope %}a{% endfor %} => 'nope' is undefined",
        "x {{ to_undefined }} => 'nope' is undefined",
        "x {{ nope | default(other_nope) }} => 'other_nope' is undefined",
        "x {{ hosts | map(attribute='x') | list }} => 'dict object' has no attribute 'x'",
    })
    void strictUndefinedEverywhere(String template, String message) {
        assertThatThrownBy(() -> render(template)).isInstanceOf(TemplateError.class).hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
        "x {{ nope | default('d') }} => x d",
        "x {{ nope | d('d') }} => x d",
        "x {{ cfg.missing | default('d') }} => x d",
        "x {{ nope.deep.er | default('d') }} => x d",
        "x {{ nope is defined }} {{ nope is undefined }} {{ name is defined }} => x False True True",
        "x {{ cfg.missing is defined }} => x False",
        "x {{ 'a' if nope is defined else 'b' }} => x b",
        "x {{ nothing | default('d') }}. => x .",
        "x {{ blank | default('d', true) }} => x d",
        "x {{ to_undefined | default('d') }} => x d",
        "x {{ nope is not defined }} => x True",
    })
    void defaultAndDefinedHandleUndefined(String template, String expected) {
        assertThat(render(template)).isEqualTo(expected);
    }

    @Test
    void recursionIsDetected() {
        assertThatThrownBy(() -> render("x {{ loop_a }}")).isInstanceOf(TemplateError.class)
            .hasMessageContaining("recursive loop detected");
    }

    @Test
    void unknownFilterAndSyntaxErrorsAreErrors() {
        assertThatThrownBy(() -> render("x {{ hosts | nosuchfilter }}")).hasMessage("no filter named 'nosuchfilter'");
        assertThatThrownBy(() -> render("x {{ name is nosuchtest }}")).hasMessage("no test named 'nosuchtest'");
        assertThatThrownBy(() -> render("x {{ 1 + }}")).isInstanceOf(TemplateError.class)
            .hasMessageContaining("syntax error");
        assertThatThrownBy(() -> render("x {% if %}")).isInstanceOf(TemplateError.class);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
        "port == 10911 => true",
        "port != 10911 => false",
        "not port == 1 => true",
        "not 'ns3' in hosts => true",
        "not 'ns1' in hosts => false",
        "'ns3' not in hosts => true",
        "name is defined and not nope is defined => true",
        "nope is not defined or nope => true",
        "hosts => true",
        "blank => false",
        "nothing => false",
        "'false' => true",
        "[] => false",
        "0 => false",
        "enabled and port > 1 => true",
        "ok_result is succeeded => true",
        "ok_result is failed => false",
        "bad_result is failed => true",
        "bad_result is changed => true",
        "skipped_result is skipped => true",
        "name is match('broker') => true",
        "name is match('roker') => false",
        "name is search('roker') => true",
        "name is regex('^b.*a$') => true",
        "hosts is contains('ns2') => true",
        "(hosts | length) > 1 and not (port < 10) => true",
        "not enabled or not hosts => false",
        "not (not enabled) => true",
        "name.startswith('bro') => true",
        "name.split('-')[1] == 'a' => true",
        "name.endswith(('x', 'a')) => true",
        "cfg.get('heap') == '256m' => true",
        "cfg.get('nope', 'd') == 'd' => true",
    })
    void conditions(String expr, boolean expected) {
        assertThat(T.condition(expr, Vars.of(vars()))).isEqualTo(expected);
    }

    @Test
    void conditionWithUndefinedFailsNamingIt() {
        assertThatThrownBy(() -> T.condition("nope == 1", Vars.of(vars()))).hasMessage("'nope' is undefined");
        assertThat(T.allConditions(List.of("port > 1", "enabled"), Vars.of(vars()))).isTrue();
        assertThat(T.allConditions(List.of("port > 1", "not enabled"), Vars.of(vars()))).isFalse();
        assertThat(T.allConditions(List.of(), Vars.of(vars()))).isTrue();
    }

    @Test
    void templateFilesKeepTrailingNewlineAndTrimBlocks() {
        String tpl = "brokerName={{ name }}\n{% if enabled %}\nenabled=true\n{% endif %}\nlistenPort={{ port }}\n";
        assertThat(T.render(tpl, Vars.of(vars())))
            .isEqualTo("brokerName=broker-a\nenabled=true\nlistenPort=10911\n");
        assertThat(T.render("a\n\n", Vars.of(vars()))).isEqualTo("a\n\n");
        assertThat(T.render("{% raw %}{{ not x }}{% endraw %}", Vars.of(vars()))).isEqualTo("{{ not x }}");
        assertThat(T.render("{# comment #}x{{ '}}' }}", Vars.of(vars()))).isEqualTo("x}}");
    }

    @Test
    void lazyVarsCanUseLoopItem() {
        Vars v = Vars.of(vars()).with(Map.of("item", Map.of("n", 7), "derived", "{{ item.n * 2 }}"));
        assertThat(T.template("{{ derived }}", v)).isEqualTo(14);
    }

    @Test
    void namedLoopVariablesAndSetWork() {
        assertThat(render("{% for b in brokers %}{{ loop.index }}:{{ b.name }} {% endfor %}")).isEqualTo("1:b 2:a ");
        assertThat(render("{% set x = port + 1 %}{{ x }}")).isEqualTo("10912");
        assertThat(render("{% for k, v in cfg.items() %}{{ k }}{% endfor %}")).isIn("heapopts", "optsheap");
    }

    @Test
    void plainNamesAndPathsNeedNoEngine() {
        Templar fresh = new Templar();
        Vars v = Vars.of(vars());
        assertThat(fresh.template("deploy {{ name }} on {{ cfg.opts.gc }}:{{ port }}", v))
            .isEqualTo("deploy broker-a on G1:10911");
        assertThat(fresh.template("{{ hosts }}", v)).isEqualTo(List.of("ns1", "ns2"));
        assertThat(fresh.condition("enabled", v)).isTrue();
        assertThatThrownBy(() -> fresh.template("{{ cfg.nope }}", v)).hasMessage("'dict object' has no attribute 'nope'");
        assertThatThrownBy(() -> fresh.template("x {{ nope.a }}", v)).hasMessage("'nope' is undefined");
        assertThatThrownBy(() -> fresh.template("{{ name.a }}", v)).hasMessage("'str object' has no attribute 'a'");
        assertThat(fresh.engineStarted()).isFalse();
        assertThat(fresh.template("{{ name | upper }}", v)).isEqualTo("BROKER-A");
        assertThat(fresh.engineStarted()).isTrue();
    }

    @Test
    void isThreadSafe() throws Exception {
        List<Thread> threads = new java.util.ArrayList<>();
        java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger();
        for (int t = 0; t < 4; t++) {
            int id = t;
            Thread th = new Thread(() -> {
                for (int i = 0; i < 200; i++) {
                    Vars v = Vars.of(Map.of("h", "host" + id, "i", i));
                    if (!("host" + id + "-" + i).equals(T.template("{{ h }}-{{ i }}", v))) {
                        failures.incrementAndGet();
                    }
                }
            });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) {
            th.join();
        }
        assertThat(failures.get()).isZero();
    }
}
