package io.rmqfleet.controller.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SshSettingsTest {
    private static final Path HOME = Path.of("/home/op");

    @Test
    void readsTheTestBedInventoryVariables() {
        SshSettings s = SshSettings.fromHostVars("host2", Map.of(
            "ansible_host", "10.213.0.12",
            "ansible_port", 22,
            "ansible_user", "root",
            "ansible_ssh_private_key_file", "/state/id_ed25519",
            "ansible_ssh_common_args", "-o UserKnownHostsFile=/state/known_hosts -o StrictHostKeyChecking=yes",
            "ansible_python_interpreter", "/usr/bin/python3"), HOME);

        assertThat(s.hostName()).isEqualTo("host2");
        assertThat(s.address()).isEqualTo("10.213.0.12");
        assertThat(s.port()).isEqualTo(22);
        assertThat(s.user()).isEqualTo("root");
        assertThat(s.privateKey()).contains(Path.of("/state/id_ed25519"));
        assertThat(s.knownHostsFiles()).containsExactly(Path.of("/state/known_hosts"), Path.of("/etc/ssh/ssh_known_hosts"));
        assertThat(s.become()).isFalse();
        assertThat(s.connectTimeout()).isEqualTo(SshSettings.DEFAULT_CONNECT_TIMEOUT);
        assertThat(s.describe()).isEqualTo("host2 (10.213.0.12:22)");
    }

    @Test
    void defaultsFollowOpenSshAndAnsible() {
        SshSettings s = SshSettings.fromHostVars("10.213.0.11", Map.of(), HOME);
        assertThat(s.address()).isEqualTo("10.213.0.11");
        assertThat(s.port()).isEqualTo(22);
        assertThat(s.user()).isEqualTo(System.getProperty("user.name"));
        assertThat(s.privateKey()).isEmpty();
        assertThat(s.knownHostsFiles())
            .containsExactly(HOME.resolve(".ssh/known_hosts"), Path.of("/etc/ssh/ssh_known_hosts"));
    }

    @Test
    void expandsTildeAndTakesSeveralKnownHostsFiles() {
        SshSettings s = SshSettings.fromHostVars("h", Map.of(
            "ansible_ssh_private_key_file", "~/.ssh/fleet",
            "ansible_ssh_extra_args", "-o 'UserKnownHostsFile=~/kh1 /etc/kh2' -o GlobalKnownHostsFile=none",
            "ansible_ssh_timeout", "3",
            "ansible_become", "yes",
            "ansible_ssh_user", "deploy"), HOME);
        assertThat(s.privateKey()).contains(HOME.resolve(".ssh/fleet"));
        assertThat(s.knownHostsFiles()).containsExactly(HOME.resolve("kh1"), Path.of("/etc/kh2"));
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(s.become()).isTrue();
        assertThat(s.user()).isEqualTo("deploy");
    }

    @Test
    void connectTimeoutOptionBeatsTheVariable() {
        SshSettings s = SshSettings.fromHostVars("h", Map.of(
            "ansible_ssh_common_args", "-o ConnectTimeout=4", "ansible_ssh_timeout", 30), HOME);
        assertThat(s.connectTimeout()).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void badNumbersNameTheHost() {
        assertThatThrownBy(() -> SshSettings.fromHostVars("web1", Map.of("ansible_port", "ssh"), HOME))
            .hasMessageContaining("web1").hasMessageContaining("ansible_port");
        assertThatThrownBy(() -> SshSettings.fromHostVars("web1", Map.of("ansible_port", 70000), HOME))
            .hasMessageContaining("web1");
    }

    @Test
    void ansibleBooleans() {
        assertThat(SshSettings.truthy("True")).isTrue();
        assertThat(SshSettings.truthy("on")).isTrue();
        assertThat(SshSettings.truthy("1")).isTrue();
        assertThat(SshSettings.truthy("no")).isFalse();
        assertThat(SshSettings.truthy("false")).isFalse();
    }
}
