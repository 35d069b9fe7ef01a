package io.rmqfleet.controller.executor;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmqfleet.controller.callback.HostStats;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoopsAndIncludesTest {

    @TempDir
    Path dir;

    @Test
    void loopItemsAreShownOneByOneAndCountedOnce() {
        Harness h = new Harness(dir, "a");
        Harness.Result r = h.run("""
            - hosts: all
              gather_facts: false
              tasks:
                - name: loop
                  command: "{{ item }}"
                  loop: [ok, changed]
                  register: out
                - name: skipped loop
                  command: ok
                  loop: [1, 2]
                  when: item > 5
                - assert:
                    that:
                      - out.results | length == 2
                      - out.changed
                      - out.results[1].item == 'changed'
                      - out.msg == 'All items completed'
            """);
        assertThat(r.output()).contains("ok: [a] => (item=ok)\nchanged: [a] => (item=changed)\n")
            .contains("skipping: [a] => (item=1) \nskipping: [a] => (item=2) \nskipping: [a]\n");
        assertThat(r.recap().of("a")).isEqualTo(new HostStats(2, 1, 0, 0, 1, 0, 0));
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void aFailedItemFailsTheLoopAfterAllItemsRan() {
        Harness h = new Harness(dir, "a");
        Harness.Result r = h.run("""
            - hosts: all
              gather_facts: false
              tasks:
                - command: "{{ item }}"
                  with_items: [[fail, ok], changed]
                  loop_control:
                    loop_var: step
                    label: "step {{ step }}"
                  ignore_errors: true
            """.replace("{{ item }}", "{{ step }}"));
        assertThat(h.command.callsOf("a")).containsExactly("fail", "ok", "changed");
        assertThat(r.output()).contains("failed: [a] (item=step fail) => {\"ansible_loop_var\": \"step\",")
            .contains("ok: [a] => (item=step ok)", "changed: [a] => (item=step changed)\n...ignoring\n");
        assertThat(r.recap().of("a")).isEqualTo(new HostStats(1, 1, 0, 0, 0, 0, 1));
    }

    @Test
    void setFactInALoopAndLaterTasksSeeIt() {
        Harness h = new Harness(dir, "a");
        Harness.Result r = h.run("""
            - hosts: all
              gather_facts: false
              tasks:
                - set_fact:
                    total: "{{ (total | default(0) | int) + item }}"
                  loop: [1, 2, 3]
                - assert:
                    that: ["total | int == 6"]
            """);
        assertThat(r.exitCode()).as(r.output()).isZero();
    }

    @Test
    void includeTasksLoadsTheFileAtRunTimeForTheHostsThatReachIt() {
        Harness h = new Harness(dir, "a", "b");
        h.file("inc.yml", """
            - name: inside include
              command: "ok {{ item | default('none') }}"
            """);
        Harness.Result r = h.run("""
            - hosts: all
              gather_facts: false
              tasks:
                - include_tasks: inc.yml
                  when: inventory_hostname == 'a'
                - include_tasks: "{{ 'inc' }}.yml"
                  loop: [x, y]
            """);
        assertThat(h.command.callsOf("a")).containsExactly("ok none", "ok x", "ok y");
        assertThat(h.command.callsOf("b")).containsExactly("ok x", "ok y");
        String included = "included: " + dir.resolve("inc.yml").toAbsolutePath();
        assertThat(r.output()).contains(included + " for a\n", included + " for a, b => (item=x)\n",
            included + " for a, b => (item=y)\n", "skipping: [b]");
        // each inclusion counts one ok per host, as in Ansible
        assertThat(r.recap().of("a")).isEqualTo(new HostStats(6, 0, 0, 0, 0, 0, 0));
        assertThat(r.recap().of("b")).isEqualTo(new HostStats(4, 0, 0, 0, 1, 0, 0));
    }

    @Test
    void aMissingIncludeFailsTheHostsWithTheFileName() {
        Harness h = new Harness(dir, "a");
        Harness.Result r = h.run("""
            - hosts: all
              gather_facts: false
              tasks:
                - include_tasks: missing.yml
            """);
        assertThat(r.output()).contains("fatal: [a]: FAILED!", "missing.yml");
        assertThat(r.recap().of("a").failed()).isEqualTo(1);
    }

    @Test
    void undefinedVariableInArgumentsFailsWithAnsiblesWording() {
        Harness h = new Harness(dir, "a");
        Harness.Result r = h.run("""
            - hosts: all
              gather_facts: false
              tasks:
                - name: undefined
                  debug: msg="{{ nope }}"
            """);
        assertThat(r.output()).contains("fatal: [a]: FAILED! => {\"changed\": false, \"msg\": \"The task includes an "
            + "option with an undefined variable. The error was: 'nope' is undefined");
        assertThat(r.output()).contains("site.yml': line 4, column 7");
    }
}
