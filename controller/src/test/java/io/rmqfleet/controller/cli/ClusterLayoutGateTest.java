package io.rmqfleet.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code apply} of a RocketMQ playbook refuses an invalid cluster layout before it contacts any host. */
class ClusterLayoutGateTest {
    private static final Path CLUSTER_PLAYBOOK = Path.of("..", "playbooks", "rocketmq-cluster.yml");

    @TempDir
    Path tmp;

    private Path inventory(String brokerHost1Extra) throws IOException {
        // Addresses nobody answers on: reaching any of them would end in "unreachable" (exit 3), not exit 4.
        return Files.writeString(tmp.resolve("inv.yml"), """
            all:
              children:
                namesrv:
                  hosts:
                    h1: {ansible_host: 10.213.0.251}
                broker:
                  hosts:
                    h1: {ansible_host: 10.213.0.251, broker_name: broker-a, broker_id: 0%s}
                    h2: {ansible_host: 10.213.0.252, broker_name: broker-a, broker_id: 1}
            """.formatted(brokerHost1Extra));
    }

    @Test
    void aBrokerIp1ThatIsNotAnAddressOfTheHostIsRejectedWithExit4BeforeAnyPlay() throws IOException {
        Path inv = inventory(", broker_ip1: 10.213.0.99");

        ApplyCommandTest.Run run = ApplyCommandTest.run("apply", "-i", inv.toString(), CLUSTER_PLAYBOOK.toString());

        assertThat(run.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains(inv + ":5: host h1")
            .contains("host h1: broker_ip1 10.213.0.99 of broker-a/0 is not an address of its machine");
        assertThat(run.out()).doesNotContain("PLAY [");
    }

    @Test
    void checkModeIsRefusedAsWell() throws IOException {
        Path inv = inventory(", broker_role: SLAVE");

        ApplyCommandTest.Run run = ApplyCommandTest.run("apply", "-i", inv.toString(), CLUSTER_PLAYBOOK.toString(),
            "--check");

        assertThat(run.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).contains("broker_id 0 makes broker-a/0 the master, but broker_role is SLAVE");
    }

    @Test
    void playbooksWithoutTheRocketMqRolesAreNotConcerned() throws IOException {
        Path inv = Files.writeString(tmp.resolve("local.yml"), """
            all:
              children:
                broker:
                  hosts:
                    me: {ansible_connection: local, broker_role: NONSENSE}
            """);
        Path playbook = Files.writeString(tmp.resolve("site.yml"), """
            - hosts: broker
              gather_facts: false
              tasks:
                - debug: {msg: hello}
            """);

        ApplyCommandTest.Run run = ApplyCommandTest.run("apply", "-i", inv.toString(), playbook.toString());

        assertThat(run.code()).as(run.out() + run.err()).isZero();
    }
}
