package io.rmqfleet.controller.executor;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmqfleet.controller.cli.ExitCodes;
import io.rmqfleet.controller.connection.Connection;
import io.rmqfleet.controller.connection.ExecResult;
import io.rmqfleet.controller.connection.LocalConnection;
import io.rmqfleet.controller.playbook.template.Templar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConnectionsAndDelegationTest {

    @TempDir
    Path dir;

    @Test
    void delegateToRunsOnTheControllersConnectionAndReportsForTheOriginal() {
        Harness h = new Harness(dir, "a", "b");
        Harness.Result r = h.run("""
            - hosts: a
              gather_facts: false
              tasks:
                - command: ok
                  delegate_to: localhost
            """);
        assertThat(h.hosts.opened).containsExactly("localhost");
        assertThat(r.output()).contains("ok: [a -> localhost]");
        assertThat(r.recap().byHost()).containsOnlyKeys("a");
    }

    @Test
    void environmentAndBecomeWrapTheCommands() {
        Harness h = new Harness(dir, "a");
        h.inventory.var("a", "ansible_user", "deploy");
        h.run("""
            - hosts: all
              gather_facts: false
              environment:
                JAVA_OPTS: "-Xmx{{ 128 * 2 }}m -Dx=1"
              tasks:
                - command: ok
                  become: true
                - command: ok
            """);
        assertThat(h.hosts.commands).containsExactly(
            "a:sudo -n -H -- sh -c 'export JAVA_OPTS='\\''-Xmx256m -Dx=1'\\''; true'",
            "a:export JAVA_OPTS='-Xmx256m -Dx=1'; true");
    }

    @Test
    void becomeUserAndNoSudoForTheLoginUser() {
        Connection base = new Recording();
        assertThat(((TaskConnection) TaskConnection.of(base, Map.of(), "rocketmq", "root")).wrap("id"))
            .isEqualTo("sudo -n -H -u rocketmq -- sh -c id");
        assertThat(TaskConnection.of(base, Map.of(), "root", "root")).isSameAs(base);
        assertThat(TaskConnection.of(base, Map.of(), null, "deploy")).isSameAs(base);
    }

    @Test
    void interruptingTheRunStopsItWithExit99() {
        Harness h = new Harness(dir, "a", "b");
        h.command.barrier = new CyclicBarrier(3); // never trips: both hosts wait until interrupted
        h.beforeRun = executor -> new Thread(() -> {
            BedlessPolling.until(() -> h.command.calls.size() == 2);
            executor.interrupt();
        }).start();
        Harness.Result r = h.run("""
            - hosts: all
              gather_facts: false
              tasks:
                - command: barrier
                - name: never
                  command: ok
            """);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.INTERRUPTED);
        assertThat(r.output()).doesNotContain("TASK [never]").doesNotContain("PLAY RECAP");
    }

    @Test
    void connectionVarsAreTemplatedFromTheHostsOwnVariables() {
        ConnectionVars vars = new ConnectionVars(host -> Map.of("mgmt_ip", "10.213.0.21",
            "ansible_host", "{{ mgmt_ip }}", "ansible_user", "{{ undefined_thing }}"), new Templar());
        Map<String, ?> resolved = vars.apply("h1");
        assertThat(resolved.get("ansible_host")).isEqualTo("10.213.0.21");
        assertThat(resolved.get("ansible_user")).isEqualTo("{{ undefined_thing }}");
    }

    @Test
    void localConnectionsForLocalhostAndAnsibleConnectionLocal() throws Exception {
        assertThat(SshConnectionFactory.isLocal("localhost", Map.of())).isTrue();
        assertThat(SshConnectionFactory.isLocal("h1", Map.of("ansible_connection", "local"))).isTrue();
        assertThat(SshConnectionFactory.isLocal("localhost", Map.of("ansible_host", "10.213.0.11"))).isFalse();
        assertThat(SshConnectionFactory.isLocal("h1", Map.of())).isFalse();

        Connection local = new SshConnectionFactory(h -> Map.of(), null, dir).open("localhost");
        assertThat(local).isInstanceOf(LocalConnection.class);
        ExecResult r = local.exec("cat; echo err >&2; exit 3", "in".getBytes(), Duration.ofSeconds(30));
        assertThat(r).isEqualTo(new ExecResult(3, "in", "err\n"));
        local.put("x\n".getBytes(), dir.resolve("f").toString(), 0640);
        assertThat(Files.readString(dir.resolve("f"))).isEqualTo("x\n");
        assertThat(local.fetch(dir.resolve("missing").toString())).isEmpty();
    }

    @Test
    void settingsLeaveBecomeToTheTasks() {
        var settings = SshConnectionFactory.settings("h1", Map.of("ansible_host", "10.213.0.11", "ansible_user",
            "deploy", "ansible_become", "yes", "ansible_port", "2222"), dir);
        assertThat(settings.become()).isFalse();
        assertThat(settings.port()).isEqualTo(2222);
        assertThat(settings.knownHostsFiles()).contains(dir.resolve(".ssh/known_hosts"));
    }

    /** Records commands; nothing else. */
    private static final class Recording implements Connection {
        final List<String> commands = new ArrayList<>();

        @Override
        public String hostName() {
            return "r";
        }

        @Override
        public ExecResult exec(String command, Duration timeout) {
            commands.add(command);
            return new ExecResult(0, "", "");
        }

        @Override
        public ExecResult exec(String command, byte[] stdin, Duration timeout) {
            return exec(command, timeout);
        }

        @Override
        public void put(Path localFile, String remotePath, int mode) {
        }

        @Override
        public void put(byte[] content, String remotePath, int mode) {
        }

        @Override
        public Optional<byte[]> fetch(String remotePath) {
            return Optional.empty();
        }

        @Override
        public void close() {
        }
    }
}
