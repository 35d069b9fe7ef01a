package io.rmqfleet.controller.executor;

import static io.rmqfleet.controller.executor.BedRuns.cli;
import static org.assertj.core.api.Assertions.assertThat;

import io.rmqfleet.controller.cli.ExitCodes;
import io.rmqfleet.testbed.SharedTestBed;
import io.rmqfleet.testbed.TestBed;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PingIT {

    @TempDir
    Path tmp;

    @Test
    void everyHostAnswers() {
        TestBed bed = SharedTestBed.get(3);
        BedRuns.Run run = cli("ping", "-i", bed.inventory().toString());
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.OK);
        for (var host : bed.hosts()) {
            assertThat(run.out()).contains(host.name() + " | SUCCESS => {\n    \"changed\": false,\n    \"ping\": \"pong\"\n}");
        }
    }

    @Test
    void aHostThatDoesNotAnswerIsUnreachableAndLimitSelects() throws Exception {
        TestBed bed = SharedTestBed.get(3);
        // an address on the bed's network where no host runs
        String inventory = Files.readString(bed.inventory()) + """
                    ghost:
                      ansible_host: "%s"
                      ansible_user: root
                      ansible_ssh_timeout: 3
            """.formatted(bed.subnet().hostAddress(200));
        Path file = BedRuns.write(tmp, "inventory.yml", inventory);

        BedRuns.Run run = cli("ping", "-i", file.toString(), "-o");
        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.HOST_UNREACHABLE);
        assertThat(run.out()).contains("host1 | SUCCESS => {\"changed\": false, \"ping\": \"pong\"}")
            .containsPattern("ghost \\| UNREACHABLE! => \\{\"changed\": false, \"msg\": \"ghost \\(.*\\)");

        BedRuns.Run limited = cli("ping", "-i", file.toString(), "--limit", "host2");
        assertThat(limited.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(limited.out()).contains("host2 | SUCCESS").doesNotContain("host1").doesNotContain("ghost");
    }
}
