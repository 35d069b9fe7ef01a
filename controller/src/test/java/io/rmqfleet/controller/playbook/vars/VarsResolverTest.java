package io.rmqfleet.controller.playbook.vars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rmqfleet.controller.input.SourceLocation;
import io.rmqfleet.controller.playbook.model.Inherited;
import io.rmqfleet.controller.playbook.model.Loop;
import io.rmqfleet.controller.playbook.model.Role;
import io.rmqfleet.controller.playbook.model.RoleUse;
import io.rmqfleet.controller.playbook.model.Task;
import io.rmqfleet.controller.playbook.template.Templar;
import io.rmqfleet.controller.playbook.template.TemplateError;
import io.rmqfleet.controller.playbook.template.Vars;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class VarsResolverTest {

    private static final Templar T = new Templar();
    private static final SourceLocation AT = new SourceLocation("site.yml", 3, 7);

    /** Every layer defines x as its own name; removing the top layer each time must reveal the next one. */
    @Test
    void precedenceFollowsAnsible() {
        List<String> order = List.of("extra", "role_param", "set_fact", "task", "block", "role_vars", "vars_files",
            "play", "facts", "inventory", "role_defaults");
        for (int top = 0; top < order.size(); top++) {
            Set<String> present = Set.copyOf(order.subList(top, order.size()));
            assertThat(resolveX(present)).as("with layers %s", present).isEqualTo(order.get(top));
        }
    }

    private static Object resolveX(Set<String> present) {
        FakeInventory inv = new FakeInventory().group("brokers", "b1");
        if (present.contains("inventory")) {
            inv.var("b1", "x", "inventory");
        }
        Role role = new Role("broker", Path.of("roles/broker"),
            present.contains("role_defaults") ? Map.of("x", "role_defaults") : Map.of(),
            present.contains("role_vars") ? Map.of("x", "role_vars") : Map.of());
        RoleUse use = new RoleUse(role, present.contains("role_param") ? Map.of("x", "role_param") : Map.of());
        PlayVars play = PlayVars.of(
            present.contains("play") ? Map.of("x", "play") : Map.of(),
            present.contains("vars_files") ? Map.of("x", "vars_files") : Map.of(),
            List.of(use),
            present.contains("extra") ? Map.of("x", "extra") : Map.of(),
            Path.of("."));
        RuntimeVars runtime = new RuntimeVars();
        if (present.contains("facts")) {
            runtime.addFacts("b1", Map.of("x", "ignored-prefixless"));
            runtime.addFacts("b1", Map.of("ansible_x", "ignored"));
        }
        if (present.contains("set_fact")) {
            runtime.setHostVar("b1", "x", "set_fact");
        }
        List<Map<String, Object>> scopes = new java.util.ArrayList<>();
        if (present.contains("block")) {
            scopes.add(Map.of("x", "block"));
        }
        if (present.contains("task")) {
            scopes.add(Map.of("x", "task"));
        }
        Task task = task(scopes, use);
        VarsResolver r = new VarsResolver(inv, play, runtime, T, List.of("b1"), false);
        Vars v = r.forTask("b1", task);
        if (present.equals(Set.of("facts", "inventory", "role_defaults"))) {
            // Facts are ansible_x / ansible_facts.x, they never shadow a plain x: the inventory wins here.
            assertThat(T.template("{{ ansible_x }}", v)).isEqualTo("ignored");
            assertThat(T.template("{{ ansible_facts.x }}", v)).isEqualTo("ignored");
            return "facts";
        }
        return T.template("{{ x }}", v);
    }

    static Task task(List<Map<String, Object>> scopes, RoleUse role) {
        return new Task("t", "debug", Map.of(), List.of(), null, null, List.of(), List.of(), List.of(), null, null,
            List.of(), List.of(), Set.of(), false, false, false, null, null, null, null, Map.of(), scopes, role,
            Path.of("."), false, false, Inherited.NONE, AT);
    }

    @Test
    void magicVariables() {
        FakeInventory inv = new FakeInventory().group("ns", "ns1", "ns2").group("brokers", "b1.example.com")
            .var("ns1", "port", 9876).var("ns2", "port", 9877).var("b1.example.com", "addr", "{{ inventory_hostname }}");
        RoleUse use = new RoleUse(new Role("broker", Path.of("roles/broker"), Map.of(), Map.of()), Map.of());
        PlayVars play = PlayVars.of(Map.of("ns_addr", "{{ groups['ns'] | map('extract', hostvars, 'port') | list }}"),
            Map.of(), List.of(use), Map.of(), Path.of("playbooks"));
        VarsResolver r = new VarsResolver(inv, play, new RuntimeVars(), T, List.of("b1.example.com"), true);
        Vars v = r.forTask("b1.example.com", task(List.of(), use));
        assertThat(T.template("{{ inventory_hostname }}", v)).isEqualTo("b1.example.com");
        assertThat(T.template("{{ inventory_hostname_short }}", v)).isEqualTo("b1");
        assertThat(T.template("{{ group_names }}", v)).isEqualTo(List.of("brokers"));
        assertThat(T.template("{{ groups['ns'] }}", v)).isEqualTo(List.of("ns1", "ns2"));
        assertThat(T.template("{{ groups.ns | map('extract', hostvars, 'port') | list }}", v))
            .isEqualTo(List.of(9876, 9877));
        assertThat(T.template("{{ hostvars['ns2'].port }}", v)).isEqualTo(9877);
        assertThat(T.template("{{ hostvars[groups.ns[0]]['port'] }}", v)).isEqualTo(9876);
        // A value templated in the other host's own context, as Ansible's hostvars does.
        assertThat(T.template("{{ hostvars['b1.example.com'].addr }}", v)).isEqualTo("b1.example.com");
        assertThat(T.template("{{ ansible_play_hosts }}", v)).isEqualTo(List.of("b1.example.com"));
        assertThat(T.template("{{ play_hosts }}", v)).isEqualTo(List.of("b1.example.com"));
        assertThat(T.template("{{ role_name }}", v)).isEqualTo("broker");
        assertThat((String) T.template("{{ role_path }}", v)).endsWith("roles/broker".replace('/', java.io.File.separatorChar));
        assertThat(T.template("{{ ansible_check_mode }}", v)).isEqualTo(true);
        assertThat(T.template("{{ vars['inventory_hostname'] }}", v)).isEqualTo("b1.example.com");
        assertThat(T.template("{{ vars.ns_addr }}", v)).isEqualTo(List.of(9876, 9877));
        assertThatThrownBy(() -> T.template("{{ hostvars['nohost'].port }}", v)).isInstanceOf(TemplateError.class)
            .hasMessage("'dict object' has no attribute 'nohost'");
    }

    @Test
    void runtimeValuesAppearWhenTheExecutorAddsThem() {
        FakeInventory inv = new FakeInventory().group("all", "h1", "h2");
        RuntimeVars runtime = new RuntimeVars();
        VarsResolver r = new VarsResolver(inv, PlayVars.of(Map.of(), Map.of(), List.of(), Map.of(), Path.of(".")),
            runtime, T, List.of("h1", "h2"), false);
        Vars before = r.forHost("h1");
        assertThatThrownBy(() -> T.template("{{ result.rc }}", before)).hasMessage("'result' is undefined");
        runtime.setHostVar("h1", "result", Map.of("rc", 0, "changed", true));
        runtime.addFacts("h1", Map.of("ansible_default_ipv4", Map.of("address", "10.213.0.11")));
        runtime.setPlayHosts(List.of("h2"));
        Vars after = r.forHost("h1");
        assertThat(T.template("{{ result.rc }}", after)).isEqualTo(0);
        assertThat(T.condition("result is changed", after)).isTrue();
        assertThat(T.template("{{ ansible_default_ipv4.address }}", after)).isEqualTo("10.213.0.11");
        assertThat(T.template("{{ ansible_facts['default_ipv4']['address'] }}", after)).isEqualTo("10.213.0.11");
        assertThat(T.template("{{ hostvars['h1'].result.rc }}", r.forHost("h2"))).isEqualTo(0);
        assertThat(T.template("{{ ansible_play_hosts }}", after)).isEqualTo(List.of("h2"));
        assertThat(T.template("{{ ansible_play_hosts_all }}", after)).isEqualTo(List.of("h1", "h2"));
    }

    @Test
    void loopItemAndLazyVarsUsingIt() {
        FakeInventory inv = new FakeInventory().group("all", "h1");
        PlayVars play = PlayVars.of(Map.of("dir", "/data/{{ peer }}"), Map.of(), List.of(), Map.of(), Path.of("."));
        VarsResolver r = new VarsResolver(inv, play, new RuntimeVars(), T, List.of("h1"), false);
        Loop loop = new Loop(List.of("a", "b"), false, "peer", "i", null);
        Vars v = VarsResolver.withLoopItem(r.forHost("h1"), loop, "b", 1);
        assertThat(T.template("{{ dir }}:{{ i }}:{{ ansible_loop_var }}", v)).isEqualTo("/data/b:1:peer");
    }

    @Test
    void taskVarsAreTemplatedLazilyAgainstEverythingElse() {
        FakeInventory inv = new FakeInventory().group("all", "h1").var("h1", "base", "/opt");
        PlayVars play = PlayVars.of(Map.of("home", "{{ base }}/rocketmq"), Map.of(), List.of(), Map.of(), Path.of("."));
        VarsResolver r = new VarsResolver(inv, play, new RuntimeVars(), T, List.of("h1"), false);
        Map<String, Object> taskVars = new LinkedHashMap<>();
        taskVars.put("conf", "{{ home }}/conf/broker.conf");
        Vars v = r.forTask("h1", task(List.of(taskVars), null));
        assertThat(T.template("{{ conf }}", v)).isEqualTo("/opt/rocketmq/conf/broker.conf");
    }
}
