package io.rmqfleet.controller.executor;

import static io.rmqfleet.controller.executor.BedRuns.cli;
import static io.rmqfleet.controller.executor.BedRuns.sh;
import static org.assertj.core.api.Assertions.assertThat;

import io.rmqfleet.controller.cli.ExitCodes;
import io.rmqfleet.controller.connection.UnreachableException;
import io.rmqfleet.testbed.SharedTestBed;
import io.rmqfleet.testbed.TestBed;
import io.rmqfleet.testbed.TestHost;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A host switched off in the middle of a run: the others finish, it is unreachable (exit 3), a re-run converges. */
class UnreachableIT {
    private TestBed bed;
    private String root;
    private TestHost victim;

    @TempDir
    Path tmp;

    @BeforeEach
    void bed() {
        bed = SharedTestBed.get(3);
        root = BedRuns.uniqueRoot("unreachable");
        victim = bed.host(3);
    }

    @AfterEach
    void cleanUp() {
        BedRuns.docker("start", victim.containerName());
        BedRuns.pollUntil(Duration.ofMinutes(3), victim.name() + " answering SSH again", this::victimAnswers);
        BedRuns.shEverywhere(bed, "rm -rf " + root);
    }

    @Test
    void othersFinishTheVictimIsUnreachableAndARerunConverges() throws Exception {
        // the sleep is marked with the run's directory so the test can tell that it is running
        Path playbook = BedRuns.write(tmp, "long.yml", """
            - hosts: all
              gather_facts: false
              tasks:
                - name: before
                  file: {path: "%1$s", state: directory}
                - name: long task
                  shell: sleep 12; echo %1$s > /dev/null
                - name: after
                  copy: {content: "done\\n", dest: "%1$s/after"}
            """.formatted(root));
        String[] args = {"apply", "-i", bed.inventory().toString(), playbook.toString()};

        CompletableFuture<BedRuns.Run> running = CompletableFuture.supplyAsync(() -> cli(args));
        BedRuns.pollUntil(Duration.ofSeconds(90), "the long task running on " + victim.name(),
            () -> sh(bed, victim.name(), "pgrep -f 'slee[p] 12; echo " + root + "'").exitCode() == 0);
        BedRuns.docker("stop", "-t", "1", victim.containerName());
        BedRuns.Run run = running.get(5, TimeUnit.MINUTES);

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.HOST_UNREACHABLE);
        assertThat(run.out()).contains("fatal: [host3]: UNREACHABLE!");
        assertThat(run.recap().get("host3")).containsExactly(1, 1, 1, 0, 0, 0, 0);
        assertThat(run.recap().get("host1")).containsExactly(3, 3, 0, 0, 0, 0, 0);
        assertThat(run.recap().get("host2")).containsExactly(3, 3, 0, 0, 0, 0, 0);
        assertThat(run.out().substring(run.out().indexOf("TASK [after]"), run.out().indexOf("PLAY RECAP")))
            .contains("changed: [host1]").doesNotContain("host3");

        BedRuns.docker("start", victim.containerName());
        BedRuns.pollUntil(Duration.ofMinutes(3), victim.name() + " answering SSH again", this::victimAnswers);
        BedRuns.Run again = cli(args);
        assertThat(again.exitCode()).as(again.toString()).isEqualTo(ExitCodes.OK);
        assertThat(sh(bed, victim.name(), "cat " + root + "/after").stdout()).isEqualTo("done\n");
        assertThat(again.recap().get("host1")).containsExactly(3, 1, 0, 0, 0, 0, 0);
    }

    private boolean victimAnswers() {
        try {
            return sh(bed, victim.name(), "true").ok();
        } catch (UnreachableException e) {
            return false;
        }
    }
}
