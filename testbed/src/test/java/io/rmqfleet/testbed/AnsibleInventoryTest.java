package io.rmqfleet.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AnsibleInventoryTest {
    private static final HostPublicKey KEY = HostPublicKey.parse(
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGmT0QJ6qDzqQTrh4dqBZvYQNf2MyUeLRZbUU/BpwB9L");

    private static final List<TestHost> HOSTS = List.of(
        new TestHost("host1", "10.213.5.11", 22, "id1", "rmqfleet-x-host1", KEY),
        new TestHost("host2", "10.213.5.12", 22, "id2", "rmqfleet-x-host2", KEY));

    @Test
    void everyHostGetsConnectionVariablesInGroupTestbed() {
        String yaml = AnsibleInventory.render(HOSTS, Path.of("/state/id_ed25519"), Path.of("/state/known_hosts"));
        assertThat(yaml).contains("""
            all:
              children:
                testbed:
                  hosts:
                    host1:
                      ansible_host: "10.213.5.11"
                      ansible_port: 22
                      ansible_user: "root"
                      ansible_ssh_private_key_file: "/state/id_ed25519"
                      ansible_ssh_common_args: "-o UserKnownHostsFile=/state/known_hosts -o StrictHostKeyChecking=yes"
                      ansible_python_interpreter: "/usr/bin/python3"
                    host2:
                      ansible_host: "10.213.5.12"
            """);
    }

    @Test
    void quotingEscapesWhatYamlWouldMisread() {
        assertThat(AnsibleInventory.quote("a\"b\\c\nd")).isEqualTo("\"a\\\"b\\\\c\\nd\"");
        assertThat(AnsibleInventory.quote("#not a comment: x")).isEqualTo("\"#not a comment: x\"");
    }

    @Test
    void knownHostsHasOneLinePerHost() {
        assertThat(KnownHostsFile.render(HOSTS)).isEqualTo(
            "10.213.5.11 " + KEY.line() + "\n10.213.5.12 " + KEY.line() + "\n");
    }
}
