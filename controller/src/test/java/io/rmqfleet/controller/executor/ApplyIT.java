package io.rmqfleet.controller.executor;

import static io.rmqfleet.controller.executor.BedRuns.cli;
import static io.rmqfleet.controller.executor.BedRuns.sh;
import static org.assertj.core.api.Assertions.assertThat;

import io.rmqfleet.controller.cli.ExitCodes;
import io.rmqfleet.testbed.SharedTestBed;
import io.rmqfleet.testbed.TestBed;
import io.rmqfleet.testbed.TestHost;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench playbook (roles, a template, handlers, a loop, register, creates) on the real test bed: check mode
 * predicts the real run's changes without making them, the real run makes them, and a second run changes
 * nothing. Failures name host, task, rc and stderr; max_fail_percentage stops the play like Ansible.
 */
class ApplyIT {
    private TestBed bed;
    private String root;

    @TempDir
    Path tmp;

    @BeforeEach
    void bed() {
        bed = SharedTestBed.get(3);
        root = BedRuns.uniqueRoot("apply");
    }

    @AfterEach
    void cleanUp() {
        BedRuns.shEverywhere(bed, "rm -rf " + root);
    }

    @Test
    void checkPredictsTheRealRunWhichASecondRunDoesNotRepeat() {
        String inventory = bed.inventory().toString();
        String playbook = BedRuns.benchPlaybook().toString();

        BedRuns.Run check = cli("apply", "-i", inventory, playbook, "-e", "app_root=" + root, "--check");
        assertThat(check.exitCode()).as(check.toString()).isEqualTo(ExitCodes.OK);
        for (TestHost host : bed.hosts()) {
            assertThat(sh(bed, host.name(), "test -e " + root).exitCode()).as("check mode created " + root).isNotZero();
        }

        BedRuns.Run first = cli("apply", "-i", inventory, playbook, "-e", "app_root=" + root);
        assertThat(first.exitCode()).as(first.toString()).isEqualTo(ExitCodes.OK);
        for (TestHost host : bed.hosts()) {
            assertThat(first.changed(host.name())).as(host.name()).isEqualTo(8).isEqualTo(check.changed(host.name()));
            assertThat(sh(bed, host.name(), "cat " + root + "/conf/broker.conf").stdout())
                .contains("brokerName=" + host.name(), "brokerIP1=" + host.address(), "listenPort=10911");
        }
        assertThat(first.out()).contains("RUNNING HANDLER [app : restart app]", "changed: [host1] => (item=conf)");

        BedRuns.Run second = cli("apply", "-i", inventory, playbook, "-e", "app_root=" + root);
        assertThat(second.exitCode()).as(second.toString()).isEqualTo(ExitCodes.OK);
        for (TestHost host : bed.hosts()) {
            assertThat(second.out()).contains(String.format("%-26s : ok=10   changed=0    unreachable=0    "
                + "failed=0    skipped=0    rescued=0    ignored=0   ", host.name()));
        }
        assertThat(second.out()).doesNotContain("RUNNING HANDLER");
    }

    @Test
    void aFailingTaskShowsHostTaskRcAndTheStderrTailAndTheJsonEvents() throws Exception {
        Path playbook = BedRuns.write(tmp, "fail.yml", """
            - hosts: all
              gather_facts: false
              tasks:
                - name: prepare
                  file: {path: "%1$s", state: directory}
                - name: start the broker
                  shell: "echo to-stdout; echo first-err >&2; echo broker died: port 10911 in use >&2; exit 7"
                  when: inventory_hostname == 'host2'
                - name: after
                  file: {path: "%1$s/after", state: touch}
            """.formatted(root));
        Path json = tmp.resolve("events.jsonl");
        BedRuns.Run run = cli("apply", "-i", bed.inventory().toString(), playbook.toString(), "--json", json.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.HOST_FAILED);
        String out = run.out();
        int banner = out.indexOf("TASK [start the broker]");
        int fatal = out.indexOf("fatal: [host2]: FAILED! =>");
        assertThat(banner).isNotNegative();
        assertThat(fatal).isGreaterThan(banner);
        String line = out.substring(fatal, out.indexOf('\n', fatal));
        assertThat(line).contains("\"rc\": 7", "broker died: port 10911 in use", "\"stderr_lines\"");
        assertThat(run.recap().get("host2")).containsExactly(1, 1, 0, 1, 0, 0, 0);
        assertThat(sh(bed, "host2", "test -e " + root + "/after").exitCode()).isNotZero();
        assertThat(sh(bed, "host1", "test -e " + root + "/after").exitCode()).isZero();

        String events = Files.readString(json);
        assertThat(events.lines()).allMatch(l -> l.startsWith("{\"event\":"));
        assertThat(events).contains("\"event\":\"host_result\"", "\"host\":\"host2\"", "\"status\":\"failed\"",
            "\"event\":\"run_end\"", "\"exit_code\":2");
    }

    @Test
    void maxFailPercentageStopsThePlayAsAnsibleDoes() {
        Path playbook = BedRuns.write(tmp, "maxfail.yml", """
            - hosts: all
              gather_facts: false
              max_fail_percentage: 30
              tasks:
                - name: one host fails
                  command: "{{ 'false' if inventory_hostname == 'host3' else 'true' }}"
                - name: never reached
                  file: {path: "%s", state: directory}
            """.formatted(root));
        BedRuns.Run run = cli("apply", "-i", bed.inventory().toString(), playbook.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.HOST_FAILED);
        assertThat(run.out()).contains("NO MORE HOSTS LEFT ****").doesNotContain("TASK [never reached]");
        assertThat(run.recap().get("host3")).containsExactly(0, 0, 0, 1, 0, 0, 0);
        assertThat(run.recap().get("host1")).containsExactly(1, 1, 0, 0, 0, 0, 0);
        for (TestHost host : bed.hosts()) {
            assertThat(sh(bed, host.name(), "test -e " + root).exitCode()).isNotZero();
        }
    }
}
