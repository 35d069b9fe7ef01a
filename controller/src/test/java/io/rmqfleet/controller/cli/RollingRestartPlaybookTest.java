package io.rmqfleet.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** playbooks/rocketmq-rolling-restart.yml parses, checks its templates and plans slaves before masters. */
class RollingRestartPlaybookTest {
    private static final String PLAYBOOK = Path.of("..", "playbooks", "rocketmq-rolling-restart.yml").toString();
    private static final String DEMO = Path.of("..", "inventory", "demo.yml").toString();

    @Test
    void syntaxAndTemplatesAreValid() {
        ApplyCommandTest.Run run = ApplyCommandTest.run("apply", "-i", DEMO, PLAYBOOK, "--syntax-check");
        assertThat(run.code()).as(run.err()).isZero();
    }

    @Test
    void slavesPlayComesFirstAndEveryPlayRestartsThenWaitsForBootAndRegistration() {
        ApplyCommandTest.Run run = ApplyCommandTest.run("apply", "-i", DEMO, PLAYBOOK, "--list-tasks", "--list-hosts");

        assertThat(run.code()).as(run.err()).isZero();
        String out = run.out();
        assertThat(out.indexOf("Rolling restart, slaves first")).isPositive()
            .isLessThan(out.indexOf("Rolling restart, then the masters"));
        assertThat(out).contains("Restart the broker container", "The broker booted again",
            "The broker is registered with every NameServer");
        assertThat(out.indexOf("Restart the broker container")).isLessThan(out.indexOf("The broker booted again"));
        assertThat(out).contains("host1", "host2", "host3", "host3-b");
    }
}
