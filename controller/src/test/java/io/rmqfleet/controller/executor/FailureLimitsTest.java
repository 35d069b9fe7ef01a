package io.rmqfleet.controller.executor;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmqfleet.controller.callback.HostStats;
import io.rmqfleet.controller.cli.ExitCodes;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serial batches, max_fail_percentage and any_errors_fatal, with the outcomes ansible-playbook 2.14 showed. */
class FailureLimitsTest {

    @TempDir
    Path dir;

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    @Test
    void serialRunsBatchesOneAfterTheOtherEachWithItsBanner() {
        Harness h = new Harness(dir, "a", "b", "c", "d", "e");
        Harness.Result r = h.run("""
            - hosts: all
              gather_facts: false
              serial: 2
              tasks:
                - name: t1
                  command: ok
                - name: t2
                  command: changed
            """);
        assertThat(count(r.output(), "PLAY [all] ***")).isEqualTo(3);
        // Hosts of one batch run in parallel, so only the batch boundaries have a fixed order.
        java.util.List<String> hosts = h.command.calls.stream().map(c -> c.substring(0, 1)).toList();
        assertThat(hosts).hasSize(10);
        assertThat(hosts.subList(0, 4)).as("first batch").containsExactlyInAnyOrder("a", "b", "a", "b");
        assertThat(hosts.subList(4, 8)).as("second batch").containsExactlyInAnyOrder("c", "d", "c", "d");
        assertThat(hosts.subList(8, 10)).as("last batch").containsExactly("e", "e");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void maxFailPercentageExceededStopsThePlaybookLikeAnsible() {
        // Ansible 2.14: serial 2, max_fail_percentage 49, c fails in the second batch -> 50% > 49%: stop
        Harness h = new Harness(dir, "a", "b", "c", "d");
        Harness.Result r = h.run("""
            - hosts: all
              gather_facts: false
              serial: 2
              max_fail_percentage: 49
              tasks:
                - name: t1
                  command: "{{ 'fail' if inventory_hostname == 'c' else 'changed' }}"
                  notify: h
                - name: t2
                  command: ok
              handlers:
                - name: h
                  command: ok
            - hosts: all
              gather_facts: false
              tasks:
                - name: second play
                  command: ok
            """);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.HOST_FAILED);
        assertThat(count(r.output(), "NO MORE HOSTS LEFT ****")).isEqualTo(2);
        assertThat(r.output()).doesNotContain("second play");
        assertThat(h.command.callsOf("d")).containsExactly("changed"); // no t2, no handler
        assertThat(r.recap().of("a")).isEqualTo(new HostStats(3, 1, 0, 0, 0, 0, 0));
        assertThat(r.recap().of("c")).isEqualTo(new HostStats(0, 0, 0, 1, 0, 0, 0));
        assertThat(r.recap().of("d")).isEqualTo(new HostStats(1, 1, 0, 0, 0, 0, 0));
    }

    @Test
    void maxFailPercentageIsAStrictLimit() {
        // 1 of 2 = 50%, not more than 50: the play goes on for the other host
        Harness h = new Harness(dir, "a", "b");
        Harness.Result r = h.run("""
            - hosts: all
              gather_facts: false
              max_fail_percentage: 50
              tasks:
                - command: "{{ 'fail' if inventory_hostname == 'a' else 'ok' }}"
                - name: later
                  command: ok
            """);
        assertThat(r.output()).doesNotContain("NO MORE HOSTS LEFT");
        assertThat(h.command.callsOf("b")).containsExactly("ok", "ok");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.HOST_FAILED);
    }

    @Test
    void maxFailPercentageCountsOnlyTheCurrentBatch() {
        // 20% of 4 hosts: the first failure (25%) stops everything, even hosts that were fine
        Harness h = new Harness(dir, "a", "b", "c", "d");
        Harness.Result r = h.run("""
            - hosts: all
              gather_facts: false
              max_fail_percentage: 20
              tasks:
                - name: t1
                  command: "{{ 'fail' if inventory_hostname == 'a' else 'ok' }}"
                - name: t2
                  command: ok
            """);
        assertThat(r.output()).doesNotContain("TASK [t2]");
        assertThat(r.recap().of("b")).isEqualTo(new HostStats(1, 0, 0, 0, 0, 0, 0));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.HOST_FAILED);
    }

    @Test
    void anyErrorsFatalStopsAllHostsAtTheFirstFailure() {
        Harness h = new Harness(dir, "a", "b");
        Harness.Result r = h.run("""
            - hosts: all
              gather_facts: false
              any_errors_fatal: true
              tasks:
                - name: t1
                  command: fail
                  when: inventory_hostname == 'a'
                - name: t2
                  command: ok
            - hosts: all
              gather_facts: false
              tasks:
                - name: second play
                  command: ok
            """);
        assertThat(count(r.output(), "NO MORE HOSTS LEFT")).isEqualTo(1);
        assertThat(r.output()).doesNotContain("TASK [t2]").doesNotContain("second play");
        assertThat(r.recap().of("b")).isEqualTo(new HostStats(0, 0, 0, 0, 1, 0, 0));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.HOST_FAILED);
    }

    @Test
    void aFailedHostIsLeftOutOfLaterPlaysWhileTheOthersGoOn() {
        Harness h = new Harness(dir, "a", "b");
        Harness.Result r = h.run("""
            - hosts: all
              gather_facts: false
              tasks:
                - command: "{{ 'fail' if inventory_hostname == 'a' else 'ok' }}"
            - hosts: all
              gather_facts: false
              tasks:
                - name: second play
                  command: changed
            """);
        assertThat(h.command.callsOf("a")).containsExactly("fail");
        assertThat(h.command.callsOf("b")).containsExactly("ok", "changed");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.HOST_FAILED);
    }
}
