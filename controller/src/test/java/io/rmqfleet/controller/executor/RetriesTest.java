package io.rmqfleet.controller.executor;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmqfleet.controller.callback.HostStats;
import io.rmqfleet.controller.cli.ExitCodes;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** until/retries/delay with ansible-core 2.14's numbers; delays are recorded by a fake sleeper, never slept. */
class RetriesTest {

    @TempDir
    Path dir;

    @Test
    void retriesUntilTheConditionHoldsWaitingDelayBetweenAttempts() {
        Harness h = new Harness(dir, "a");
        Harness.Result r = h.run("""
            - hosts: all
              gather_facts: false
              tasks:
                - name: wait for it
                  command: count
                  register: c
                  until: c.stdout | int >= 3
                  retries: 5
                  delay: 7
                - assert:
                    that: ["c.attempts == 3"]
            """);
        assertThat(h.command.callsOf("a")).containsExactly("count", "count", "count");
        assertThat(h.sleeps).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(7));
        assertThat(r.output()).contains("FAILED - RETRYING: [a]: wait for it (5 retries left).",
            "FAILED - RETRYING: [a]: wait for it (4 retries left).");
        assertThat(r.exitCode()).isZero();
    }

    @Test
    void exhaustedRetriesFailWithAnsiblesAttemptCount() {
        // ansible-core 2.14: retries: 2 makes 3 attempts, 2 retry lines, and reports "attempts": 2
        Harness h = new Harness(dir, "a");
        Harness.Result r = h.run("""
            - hosts: all
              gather_facts: false
              tasks:
                - name: never
                  command: count
                  register: c
                  until: c.stdout == 'x'
                  retries: 2
                  delay: 0
            """);
        assertThat(h.command.callsOf("a")).hasSize(3);
        assertThat(h.sleeps).containsExactly(Duration.ZERO, Duration.ZERO);
        assertThat(r.output()).contains("(2 retries left)", "(1 retries left)")
            .contains("fatal: [a]: FAILED! => {\"attempts\": 2, \"changed\": true,");
        assertThat(r.recap().of("a")).isEqualTo(new HostStats(0, 0, 0, 1, 0, 0, 0));
        assertThat(r.exitCode()).isEqualTo(ExitCodes.HOST_FAILED);
    }

    @Test
    void untilDefaultsToThreeRetriesFiveSecondsApart() {
        Harness h = new Harness(dir, "a");
        h.run("""
            - hosts: all
              gather_facts: false
              tasks:
                - command: count
                  register: c
                  until: false
            """);
        assertThat(h.command.callsOf("a")).hasSize(4);
        assertThat(h.sleeps).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(5));
    }

    @Test
    void retriesWithoutUntilRunOnce() {
        Harness h = new Harness(dir, "a");
        h.run("""
            - hosts: all
              gather_facts: false
              tasks:
                - command: fail
                  retries: 4
            """);
        assertThat(h.command.callsOf("a")).containsExactly("fail");
        assertThat(h.sleeps).isEmpty();
    }

    @Test
    void templatedRetriesAndDelay() {
        Harness h = new Harness(dir, "a");
        h.run("""
            - hosts: all
              gather_facts: false
              vars:
                tries: 1
                pause: 2
              tasks:
                - command: count
                  register: c
                  until: c.stdout == 'never'
                  retries: "{{ tries }}"
                  delay: "{{ pause }}"
            """);
        assertThat(h.command.callsOf("a")).hasSize(2);
        assertThat(h.sleeps).containsExactly(Duration.ofSeconds(2));
    }
}
