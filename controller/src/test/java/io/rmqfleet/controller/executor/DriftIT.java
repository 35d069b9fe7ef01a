package io.rmqfleet.controller.executor;

import static io.rmqfleet.controller.executor.BedRuns.cli;
import static io.rmqfleet.controller.executor.BedRuns.sh;
import static org.assertj.core.api.Assertions.assertThat;

import io.rmqfleet.controller.cli.ExitCodes;
import io.rmqfleet.controller.connection.Connection;
import io.rmqfleet.controller.module.testing.TinyImage;
import io.rmqfleet.testbed.SharedTestBed;
import io.rmqfleet.testbed.TestBed;
import io.rmqfleet.testbed.TestHost;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code rmqfleet drift --detailed-exitcode} on the real test bed with a small playbook (a file and a container):
 * right after apply it exits 0; after a hand edit and a removed container on one host it exits 2 and names that
 * host and its tasks, and it changes nothing on the host.
 */
class DriftIT {
    private TestBed bed;
    private String root;
    private String container;

    @TempDir
    Path tmp;

    @BeforeEach
    void bed() {
        bed = SharedTestBed.get(3);
        root = BedRuns.uniqueRoot("drift");
        container = "rmqfleet-it-drift-" + root.substring(root.lastIndexOf('-') + 1);
        for (TestHost host : bed.hosts()) {
            try (Connection connection = BedRuns.open(bed, host.name())) {
                TinyImage.ensure(connection);
            }
        }
    }

    @AfterEach
    void cleanUp() {
        BedRuns.shEverywhere(bed, "rm -rf " + root + "; docker rm -f " + container + " >/dev/null 2>&1; true");
    }

    @Test
    void cleanAfterApplyDriftedAfterAHandEditAndARemovedContainer() {
        String inventory = bed.inventory().toString();
        Path playbook = BedRuns.write(tmp, "small.yml", """
            - hosts: all
              gather_facts: false
              tasks:
                - name: app directory
                  file: {path: "%1$s", state: directory, mode: "0755"}
                - name: app config
                  copy: {dest: "%1$s/app.conf", content: "listen={{ ansible_host }}\\n", mode: "0644"}
                - name: app container
                  docker_container:
                    name: "%2$s"
                    image: "%3$s"
                    pull: never
                    restart_policy: always
            """.formatted(root, container, TinyImage.NAME));
        String[] drift = {"drift", "-i", inventory, playbook.toString(), "--detailed-exitcode"};

        BedRuns.Run apply = cli("apply", "-i", inventory, playbook.toString());
        assertThat(apply.exitCode()).as(apply.toString()).isEqualTo(ExitCodes.OK);

        BedRuns.Run clean = cli(drift);
        assertThat(clean.exitCode()).as(clean.toString()).isEqualTo(0);
        assertThat(clean.out()).contains("DRIFT: none (3 hosts checked, no task would change)");

        TestHost victim = bed.hosts().get(1);
        sh(bed, victim.name(), "echo edited > " + root + "/app.conf; docker rm -f " + container);

        BedRuns.Run drifted = cli(drift);
        assertThat(drifted.exitCode()).as(drifted.toString()).isEqualTo(2);
        assertThat(drifted.out())
            .contains("DRIFT: 1 of 3 hosts drifted, 2 tasks would change")
            .contains("  " + victim.name() + ": app config; app container")
            .contains("-edited", "+listen=" + victim.address());
        assertThat(drifted.changed(victim.name())).isEqualTo(2);
        assertThat(drifted.changed(bed.hosts().get(0).name())).isZero();

        // check mode: the host is exactly as the hand edit left it
        assertThat(sh(bed, victim.name(), "cat " + root + "/app.conf").stdout()).isEqualTo("edited\n");
        assertThat(sh(bed, victim.name(), "docker inspect " + container).exitCode()).isNotZero();

        BedRuns.Run plain = cli("drift", "-i", inventory, playbook.toString());
        assertThat(plain.exitCode()).as(plain.toString()).isEqualTo(ExitCodes.OK);
    }
}
