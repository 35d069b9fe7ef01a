package io.rmqfleet.controller.executor;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmqfleet.controller.callback.HostStats;
import io.rmqfleet.controller.cli.ExitCodes;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinearStrategyTest {

    @TempDir
    Path dir;

    @Test
    void everyHostFinishesATaskBeforeAnyHostStartsTheNext() {
        Harness h = new Harness(dir, "h1", "h2", "h3");
        Harness.Result r = h.run("""
            - hosts: all
              gather_facts: false
              tasks:
                - name: first
                  command: ok
                - name: second
                  command: changed
            """);
        List<String> calls = List.copyOf(h.command.calls);
        assertThat(calls).hasSize(6);
        assertThat(calls.subList(0, 3)).allMatch(c -> c.endsWith(":ok"));
        assertThat(calls.subList(3, 6)).allMatch(c -> c.endsWith(":changed"));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(r.recap().of("h2")).isEqualTo(new HostStats(2, 1, 0, 0, 0, 0, 0));
        assertThat(r.output()).contains("TASK [first] ****", "ok: [h1]\n", "changed: [h3]\n", "PLAY RECAP ****");
        assertThat(r.recapLine("h1")).isEqualTo(
            "h1                         : ok=2    changed=1    unreachable=0    failed=0    skipped=0    rescued=0    ignored=0   ");
    }

    @Test
    void oneConnectionPerHostForTheWholeRun() {
        Harness h = new Harness(dir, "h1", "h2");
        Harness.Result r = h.run("""
            - hosts: all
              gather_facts: false
              tasks:
                - command: ok
                - command: changed
            - hosts: all
              gather_facts: false
              tasks:
                - command: ok
            """);
        assertThat(r.connectionsOpened()).isEqualTo(2);
        assertThat(h.hosts.opened).containsExactlyInAnyOrder("h1", "h2");
        assertThat(h.hosts.commands).hasSize(6);
    }

    @Test
    void controllerSideTasksOpenNoConnection() {
        Harness h = new Harness(dir, "h1");
        Harness.Result r = h.run("""
            - hosts: all
              gather_facts: false
              tasks:
                - debug: msg="hello {{ inventory_hostname }}"
                - set_fact: answer=42
                - assert: {that: ["answer | int == 42"]}
            """);
        assertThat(r.exitCode()).isZero();
        assertThat(r.connectionsOpened()).isZero();
        assertThat(r.output()).contains("ok: [h1] => {\n    \"msg\": \"hello h1\"\n}");
    }

    @Test
    void forksBoundHowManyHostsWorkAtOnce() {
        Harness h = new Harness(dir, "h1", "h2", "h3", "h4", "h5", "h6");
        h.settings = h.settings.withForks(2);
        h.command.barrier = new CyclicBarrier(2);
        Harness.Result r = h.run("""
            - hosts: all
              gather_facts: false
              tasks:
                - command: barrier
            """);
        // pairs of hosts meet at the barrier: it needs two at once, and there are never more than two
        assertThat(r.exitCode()).isZero();
        assertThat(h.command.maxRunning.get()).isEqualTo(2);
    }

    @Test
    void anUnreachableHostDropsOutAndTheOthersFinish() {
        Harness h = new Harness(dir, "h1", "h2", "h3");
        h.hosts.dropAfter.put("h2", 1);
        Harness.Result r = h.run("""
            - hosts: all
              gather_facts: false
              tasks:
                - name: one
                  command: ok
                - name: two
                  command: changed
                - name: three
                  command: changed
            """);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.HOST_UNREACHABLE);
        assertThat(h.command.callsOf("h2")).containsExactly("ok", "changed");
        assertThat(h.command.callsOf("h1")).containsExactly("ok", "changed", "changed");
        assertThat(r.output()).contains("fatal: [h2]: UNREACHABLE! => {\"changed\": false, \"msg\": "
            + "\"h2: ssh connection lost during exec: Broken transport\", \"unreachable\": true}");
        assertThat(r.recap().of("h2")).isEqualTo(new HostStats(1, 0, 1, 0, 0, 0, 0));
        assertThat(r.recap().of("h3")).isEqualTo(new HostStats(3, 2, 0, 0, 0, 0, 0));
    }

    @Test
    void aHostThatCannotBeReachedAtAllIsUnreachableOnItsFirstTask() {
        Harness h = new Harness(dir, "h1", "h2");
        h.hosts.down.add("h1");
        Harness.Result r = h.run("""
            - hosts: all
              tasks:
                - command: changed
            """);
        assertThat(r.output()).contains("TASK [Gathering Facts]", "fatal: [h1]: UNREACHABLE! =>",
            "Connection refused", "ok: [h2]");
        assertThat(r.recap().of("h1")).isEqualTo(new HostStats(0, 0, 1, 0, 0, 0, 0));
        assertThat(r.recap().of("h2")).isEqualTo(new HostStats(2, 1, 0, 0, 0, 0, 0));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.HOST_UNREACHABLE);
    }

    @Test
    void failureShowsHostTaskRcAndStderrAndTheHostLeavesTheRun() {
        Harness h = new Harness(dir, "h1", "h2");
        Harness.Result r = h.run("""
            - hosts: all
              gather_facts: false
              tasks:
                - name: install broker
                  command: "{{ 'fail' if inventory_hostname == 'h1' else 'ok' }}"
                - name: after
                  command: ok
            - hosts: all
              gather_facts: false
              tasks:
                - name: second play
                  command: ok
            """);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.HOST_FAILED);
        assertThat(r.output()).contains("TASK [install broker] ***")
            .contains("fatal: [h1]: FAILED! => {\"changed\": false, \"msg\": \"command failed\", \"rc\": 3, "
                + "\"stderr\": \"line1\\nboom\", \"stderr_lines\": [\"line1\", \"boom\"], \"stdout\": \"\", "
                + "\"stdout_lines\": []}");
        assertThat(h.command.callsOf("h1")).containsExactly("fail");
        assertThat(h.command.callsOf("h2")).containsExactly("ok", "ok", "ok");
        assertThat(r.recap().of("h1")).isEqualTo(new HostStats(0, 0, 0, 1, 0, 0, 0));
    }

    @Test
    void whenEveryHostOfAPlayFailsThePlaybookStops() {
        Harness h = new Harness(dir, "h1", "h2");
        Harness.Result r = h.run("""
            - hosts: all
              gather_facts: false
              tasks:
                - command: fail
            - hosts: all
              gather_facts: false
              tasks:
                - name: never
                  command: ok
            """);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.HOST_FAILED);
        assertThat(r.output()).doesNotContain("never").doesNotContain("NO MORE HOSTS LEFT");
        assertThat(r.output().split("PLAY \\[all]", -1)).hasSize(2);
    }

    @Test
    void ignoreErrorsKeepsTheHostGoing() {
        Harness h = new Harness(dir, "h1");
        Harness.Result r = h.run("""
            - hosts: all
              gather_facts: false
              tasks:
                - command: fail
                  ignore_errors: true
                - command: ok
            """);
        assertThat(r.exitCode()).isZero();
        assertThat(r.output()).contains("...ignoring");
        assertThat(r.recap().of("h1")).isEqualTo(new HostStats(2, 0, 0, 0, 0, 0, 1));
    }

    @Test
    void whenChangedWhenFailedWhenAndRegister() {
        Harness h = new Harness(dir, "h1", "h2");
        Harness.Result r = h.run("""
            - hosts: all
              gather_facts: false
              tasks:
                - name: probe
                  command: count
                  register: probe
                  changed_when: false
                - name: only h1
                  command: changed
                  when: inventory_hostname == 'h1'
                - name: fail on output
                  command: changed
                  register: out
                  failed_when: "probe.stdout == '1' and inventory_hostname == 'h2'"
            """);
        assertThat(r.output()).contains("ok: [h1]", "skipping: [h2]")
            .contains("fatal: [h2]: FAILED! =>").contains("\"failed_when_result\": true");
        assertThat(r.recap().of("h1")).isEqualTo(new HostStats(3, 2, 0, 0, 0, 0, 0));
        assertThat(r.recap().of("h2")).isEqualTo(new HostStats(1, 0, 0, 1, 1, 0, 0));
    }

    @Test
    void runOnceRunsOnTheFirstHostAndSharesTheResult() {
        Harness h = new Harness(dir, "h1", "h2", "h3");
        Harness.Result r = h.run("""
            - hosts: all
              gather_facts: false
              tasks:
                - name: once
                  command: count
                  run_once: true
                  register: once
                - name: everyone sees it
                  assert: {that: ["once.stdout == '1'"]}
            """);
        assertThat(h.command.calls).containsExactly("h1:count");
        assertThat(r.exitCode()).isZero();
        assertThat(r.recap().of("h2")).isEqualTo(new HostStats(1, 0, 0, 0, 0, 0, 0));
        assertThat(r.recap().of("h1")).isEqualTo(new HostStats(2, 1, 0, 0, 0, 0, 0));
    }

    @Test
    void checkModeIsPassedToModulesAndTaskCheckModeOverridesIt() {
        Harness h = new Harness(dir, "h1");
        h.settings = h.settings.withCheckMode(true);
        h.run("""
            - hosts: all
              gather_facts: false
              tasks:
                - command: ok
                - command: ok
                  check_mode: false
            """);
        assertThat(h.command.checkModes).containsExactly(true, false);
    }

    @Test
    void noLogHidesTheResult() {
        Harness h = new Harness(dir, "h1");
        Harness.Result r = h.run("""
            - hosts: all
              gather_facts: false
              tasks:
                - command: fail
                  no_log: true
            """);
        assertThat(r.output()).contains("fatal: [h1]: FAILED! => {\"censored\": \"the output has been hidden")
            .doesNotContain("boom");
    }

    @Test
    void gatheredFactsAreVariables() {
        Harness h = new Harness(dir, "h1");
        Harness.Result r = h.run("""
            - hosts: all
              tasks:
                - assert:
                    that:
                      - ansible_os_family == 'Debian'
                      - ansible_facts.hostname == inventory_hostname
            """);
        assertThat(r.exitCode()).isZero();
        assertThat(r.recap().of("h1")).isEqualTo(new HostStats(2, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void delegatedControllerTasksShowTheDelegate() {
        Harness h = new Harness(dir, "h1");
        Harness.Result r = h.run("""
            - hosts: all
              gather_facts: false
              tasks:
                - debug: msg=hi
                  delegate_to: localhost
            """);
        assertThat(r.output()).contains("ok: [h1 -> localhost] => {");
    }

    @Test
    void noHostsMatched() {
        Harness h = new Harness(dir, "h1");
        Harness.Result r = h.run("""
            - hosts: nothing_here
              gather_facts: false
              tasks:
                - command: ok
            """);
        assertThat(r.output()).contains("PLAY [nothing_here]", "skipping: no hosts matched");
        assertThat(r.exitCode()).isZero();
    }
}
