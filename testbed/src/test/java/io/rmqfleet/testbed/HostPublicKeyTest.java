package io.rmqfleet.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostPublicKeyTest {
    // A fixed key and the fingerprint `ssh-keygen -lf` prints for it.
    private static final String LINE =
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGmT0QJ6qDzqQTrh4dqBZvYQNf2MyUeLRZbUU/BpwB9L root@host1";

    @TempDir
    Path dir;

    @Test
    void fingerprintMatchesSshKeygen() throws Exception {
        String line = SshKeyPair.generateEd25519("x", new SecureRandom()).publicKeyLine();
        Path pub = dir.resolve("k.pub");
        Files.writeString(pub, line + "\n");
        Process keygen = new ProcessBuilder("ssh-keygen", "-l", "-E", "sha256", "-f", pub.toString())
            .redirectErrorStream(true).start();
        String printed = new String(keygen.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(keygen.waitFor()).as(printed).isZero();
        // "256 SHA256:... x (ED25519)"
        assertThat(printed.split(" ")[1]).isEqualTo(HostPublicKey.parse(line).sha256Fingerprint());
    }

    @Test
    void parsesTypeAndBodyAndDropsTheComment() {
        HostPublicKey key = HostPublicKey.parse(LINE + "\n");
        assertThat(key.type()).isEqualTo("ssh-ed25519");
        assertThat(key.line()).isEqualTo(LINE.substring(0, LINE.lastIndexOf(' ')));
        assertThat(key.sha256Fingerprint()).isEqualTo("SHA256:NrD/xgfCw6Wle/6jPL4K/UBH2hb8J9BIqYTAYuAlc7Q");
    }

    @Test
    void knownHostsLinesUseBracketsForOtherPorts() {
        HostPublicKey key = HostPublicKey.parse(LINE);
        assertThat(key.knownHostsLine("10.213.0.11", 22)).isEqualTo("10.213.0.11 " + key.line());
        assertThat(key.knownHostsLine("10.213.0.11", 2222)).isEqualTo("[10.213.0.11]:2222 " + key.line());
    }

    @Test
    void refusesGarbageAndMismatchedTypes() {
        assertThatThrownBy(() -> HostPublicKey.parse("ssh-ed25519")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HostPublicKey.parse("ssh-rsa " + LINE.split(" ")[1]))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ssh-ed25519");
        assertThatThrownBy(() -> HostPublicKey.parse("ssh-ed25519 AAAA")).isInstanceOf(IllegalArgumentException.class);
    }
}
