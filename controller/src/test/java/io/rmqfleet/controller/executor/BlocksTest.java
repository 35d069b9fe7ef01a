package io.rmqfleet.controller.executor;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmqfleet.controller.callback.HostStats;
import io.rmqfleet.controller.cli.ExitCodes;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BlocksTest {

    @TempDir
    Path dir;

    @Test
    void rescueHandlesAFailureAndAlwaysRunsForEveryone() {
        // the flow and counts ansible-playbook 2.14 showed for the same play
        Harness h = new Harness(dir, "a", "b");
        Harness.Result r = h.run("""
            - hosts: all
              gather_facts: false
              tasks:
                - block:
                    - name: in block
                      command: "{{ 'fail' if inventory_hostname == 'a' else 'ok' }}"
                    - name: after fail in block
                      command: ok after
                  rescue:
                    - name: rescue
                      command: ok rescue
                  always:
                    - name: always
                      command: ok always
                - name: next
                  command: ok next
            """);
        assertThat(h.command.callsOf("a")).containsExactly("fail", "ok rescue", "ok always", "ok next");
        assertThat(h.command.callsOf("b")).containsExactly("ok", "ok after", "ok always", "ok next");
        String out = r.output();
        assertThat(out.indexOf("TASK [after fail in block]")).isLessThan(out.indexOf("TASK [rescue]"));
        assertThat(out.indexOf("TASK [rescue]")).isLessThan(out.indexOf("TASK [always]"));
        assertThat(r.recap().of("a")).isEqualTo(new HostStats(3, 0, 0, 0, 0, 1, 0));
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void withoutRescueAlwaysStillRunsAndTheHostStaysFailed() {
        Harness h = new Harness(dir, "a");
        Harness.Result r = h.run("""
            - hosts: all
              gather_facts: false
              tasks:
                - block:
                    - command: fail
                    - command: ok skipped
                  always:
                    - command: ok always
                - command: ok never
            """);
        assertThat(h.command.callsOf("a")).containsExactly("fail", "ok always");
        assertThat(r.recap().of("a")).isEqualTo(new HostStats(1, 0, 0, 1, 0, 0, 0));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.HOST_FAILED);
    }

    @Test
    void aFailingRescueFailsTheHost() {
        Harness h = new Harness(dir, "a");
        Harness.Result r = h.run("""
            - hosts: all
              gather_facts: false
              tasks:
                - block:
                    - command: fail
                  rescue:
                    - command: fail again
                  always:
                    - command: ok always
                - command: ok never
            """);
        assertThat(h.command.callsOf("a")).containsExactly("fail", "fail again", "ok always");
        assertThat(r.recap().of("a")).isEqualTo(new HostStats(1, 0, 0, 1, 0, 1, 0));
    }

    @Test
    void nestedBlocksRescueAtTheNearestLevelAndSeeTheFailedResult() {
        Harness h = new Harness(dir, "a");
        Harness.Result r = h.run("""
            - hosts: all
              gather_facts: false
              tasks:
                - block:
                    - block:
                        - name: deep
                          command: fail
                      rescue:
                        - assert:
                            that:
                              - ansible_failed_result.rc == 3
                              - ansible_failed_task.name == 'deep'
                    - name: continues
                      command: ok continues
            """);
        assertThat(h.command.callsOf("a")).containsExactly("fail", "ok continues");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void rescuedFailuresDoNotCountForMaxFailPercentage() {
        Harness h = new Harness(dir, "a", "b");
        Harness.Result r = h.run("""
            - hosts: all
              gather_facts: false
              max_fail_percentage: 0
              tasks:
                - block:
                    - command: "{{ 'fail' if inventory_hostname == 'a' else 'ok' }}"
                  rescue:
                    - command: ok rescued
                - name: later
                  command: ok later
            """);
        assertThat(r.output()).doesNotContain("NO MORE HOSTS LEFT");
        assertThat(h.command.callsOf("a")).containsExactly("fail", "ok rescued", "ok later");
        assertThat(r.exitCode()).isZero();
    }
}
