package io.rmqfleet.controller.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The typed connection accessors the SSH layer uses, read from merged variables. */
class ConnectionSettingsTest {
    @TempDir
    Path dir;

    @Test
    void accessorsReadMergedVariables() {
        Inventory inventory = new TempInventory(dir)
            .file("hosts", """
                [brokers]
                b1 ansible_host=10.213.0.21 ansible_port=2222
                b2:2200
                b3
                [brokers:vars]
                ansible_ssh_common_args='-o StrictHostKeyChecking=no'
                """)
            .file("group_vars/all.yml", "ansible_user: root\nansible_ssh_private_key_file: keys/id_ed25519\nansible_become: 'yes'\n")
            .file("host_vars/b3.yml", "ansible_ssh_host: 10.213.0.23\nansible_become: false\n")
            .load("hosts");
        Host b1 = inventory.host("b1").orElseThrow();
        assertThat(b1.ansibleHost()).isEqualTo("10.213.0.21");
        assertThat(b1.ansiblePort()).hasValue(2222);
        assertThat(b1.ansibleUser()).contains("root");
        assertThat(b1.ansibleSshPrivateKeyFile()).contains("keys/id_ed25519");
        assertThat(b1.ansibleSshCommonArgs()).contains("-o StrictHostKeyChecking=no");
        assertThat(b1.ansibleBecome()).isTrue();
        Host b2 = inventory.host("b2").orElseThrow();
        assertThat(b2.ansibleHost()).isEqualTo("b2");
        assertThat(b2.ansiblePort()).hasValue(2200);
        Host b3 = inventory.host("b3").orElseThrow();
        assertThat(b3.ansibleHost()).as("ansible_ssh_host alias").isEqualTo("10.213.0.23");
        assertThat(b3.ansiblePort()).isEmpty();
        assertThat(b3.ansibleBecome()).isFalse();
    }

    @Test
    void valuesAreCoercedOrRejected() {
        assertThat(ConnectionSettings.from("h", Map.of("ansible_port", "22")).port()).hasValue(22);
        assertThat(ConnectionSettings.from("h", Map.of("ansible_become", "on")).become()).isTrue();
        assertThatThrownBy(() -> ConnectionSettings.from("h", Map.of("ansible_port", "ssh")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ansible_port");
        assertThatThrownBy(() -> ConnectionSettings.from("h", Map.of("ansible_become", "maybe")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a valid boolean");
        assertThatThrownBy(() -> ConnectionSettings.from("h", Map.of("ansible_port", "{{ p }}")))
            .isInstanceOf(IllegalStateException.class).hasMessageContaining("template");
    }
}
