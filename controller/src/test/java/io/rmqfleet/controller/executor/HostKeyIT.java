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
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Host keys: a changed key is refused before any command runs, naming host and fingerprint, even with
 * --accept-new-hosts; an unknown key is refused unless --accept-new-hosts records it, after which strict
 * checking works.
 */
class HostKeyIT {
    private TestBed bed;
    private String root;
    private Path playbook;

    @TempDir
    Path tmp;

    @BeforeEach
    void bed() {
        bed = SharedTestBed.get(3);
        root = BedRuns.uniqueRoot("hostkey");
        playbook = BedRuns.write(tmp, "mark.yml", """
            - hosts: all
              gather_facts: false
              tasks:
                - name: mark
                  file: {path: "%s", state: directory}
            """.formatted(root));
    }

    @AfterEach
    void cleanUp() {
        BedRuns.shEverywhere(bed, "rm -rf " + root);
    }

    /** The bed's inventory, pointing at another known_hosts file. */
    private Path inventoryWith(Path knownHosts) throws Exception {
        String text = Files.readString(bed.inventory()).replace(bed.knownHosts().toAbsolutePath().toString(),
            knownHosts.toAbsolutePath().toString());
        return BedRuns.write(tmp, "inventory.yml", text);
    }

    @Test
    void aChangedKeyIsRefusedBeforeAnyCommandRunsEvenWithAcceptNew() throws Exception {
        TestHost host1 = bed.host(1);
        TestHost host2 = bed.host(2);
        // host1's line carries host2's key: as if host1 had been replaced
        List<String> lines = Files.readAllLines(bed.knownHosts());
        String host1Line = lines.stream().filter(l -> l.startsWith(host1.address() + " ")).findFirst().orElseThrow();
        String host2Key = lines.stream().filter(l -> l.startsWith(host2.address() + " ")).findFirst().orElseThrow()
            .split(" ", 2)[1];
        lines.set(lines.indexOf(host1Line), host1.address() + " " + host2Key);
        Path knownHosts = tmp.resolve("known_hosts");
        Files.write(knownHosts, lines);
        Path inventory = inventoryWith(knownHosts);

        for (String[] args : List.of(
            new String[] {"apply", "-i", inventory.toString(), playbook.toString()},
            new String[] {"apply", "-i", inventory.toString(), playbook.toString(), "--accept-new-hosts"})) {
            BedRuns.Run run = cli(args);
            assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.HOST_UNREACHABLE);
            assertThat(run.out()).contains("fatal: [host1]: UNREACHABLE!", "host key verification failed for host1",
                "CHANGED", host1.fingerprint());
            assertThat(run.recap().get("host1")).containsExactly(0, 0, 1, 0, 0, 0, 0);
            assertThat(run.recap().get("host2")).containsExactly(1, 1, 0, 0, 0, 0, 0);
            assertThat(sh(bed, "host1", "test -e " + root).exitCode()).as("a command ran on host1").isNotZero();
            BedRuns.shEverywhere(bed, "rm -rf " + root);
        }
        assertThat(Files.readAllLines(knownHosts)).isEqualTo(lines);
    }

    @Test
    void unknownKeysAreRefusedUntilAcceptedThenStrictCheckingWorks() throws Exception {
        Path knownHosts = tmp.resolve("empty_known_hosts");
        Files.writeString(knownHosts, "");
        Path inventory = inventoryWith(knownHosts);

        BedRuns.Run strict = cli("apply", "-i", inventory.toString(), playbook.toString());
        assertThat(strict.exitCode()).as(strict.toString()).isEqualTo(ExitCodes.HOST_UNREACHABLE);
        for (TestHost host : bed.hosts()) {
            assertThat(strict.out()).contains("host key verification failed for " + host.name(), host.fingerprint());
            assertThat(sh(bed, host.name(), "test -e " + root).exitCode()).isNotZero();
        }

        BedRuns.Run accepting = cli("ping", "-i", inventory.toString(), "--accept-new-hosts");
        assertThat(accepting.exitCode()).as(accepting.toString()).isEqualTo(ExitCodes.OK);
        String recorded = Files.readString(knownHosts);
        for (TestHost host : bed.hosts()) {
            assertThat(recorded).contains(host.address() + " ssh-ed25519 ");
        }

        BedRuns.Run strictAgain = cli("apply", "-i", inventory.toString(), playbook.toString());
        assertThat(strictAgain.exitCode()).as(strictAgain.toString()).isEqualTo(ExitCodes.OK);
        assertThat(Files.readString(knownHosts)).isEqualTo(recorded);
    }
}
