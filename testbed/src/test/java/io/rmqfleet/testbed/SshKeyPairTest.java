package io.rmqfleet.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.PublicKey;
import java.security.SecureRandom;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.SSHClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshKeyPairTest {
    @TempDir
    Path dir;

    @Test
    void privateKeyIsOwnerOnlyAndInOpenSshFormat() throws Exception {
        SshKeyPair key = SshKeyPair.generateEd25519("bed", new SecureRandom());
        Path file = dir.resolve("id_ed25519");
        key.writePrivateKey(file);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String text = Files.readString(file);
        assertThat(text).startsWith("-----BEGIN OPENSSH PRIVATE KEY-----\n")
            .endsWith("-----END OPENSSH PRIVATE KEY-----\n");
        assertThat(text.lines().skip(1).takeWhile(l -> !l.startsWith("-----"))).allMatch(l -> l.length() <= 70);
        assertThat(key.toString()).doesNotContain("PRIVATE");
    }

    @Test
    void openSshDerivesTheSamePublicKeyFromThePrivateFile() throws Exception {
        SshKeyPair key = SshKeyPair.generateEd25519("bed", new SecureRandom());
        Path file = dir.resolve("id_ed25519");
        key.writePrivateKey(file);

        Process keygen = new ProcessBuilder("ssh-keygen", "-y", "-f", file.toString()).redirectErrorStream(true).start();
        String derived = new String(keygen.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(keygen.waitFor()).as("ssh-keygen -y output: %s", derived).isZero();
        assertThat(HostPublicKey.parse(derived)).isEqualTo(HostPublicKey.parse(key.publicKeyLine()));
    }

    @Test
    void sshjLoadsThePrivateFileAndGetsThePublicHalf() throws Exception {
        SshKeyPair key = SshKeyPair.generateEd25519("bed", new SecureRandom());
        Path file = dir.resolve("id_ed25519");
        key.writePrivateKey(file);

        try (SSHClient ssh = new SSHClient()) {
            KeyProvider provider = ssh.loadKeys(file.toString());
            PublicKey publicKey = provider.getPublic();
            byte[] blob = new Buffer.PlainBuffer().putPublicKey(publicKey).getCompactData();
            assertThat(blob).isEqualTo(HostPublicKey.parse(key.publicKeyLine()).blob());
        }
    }

    @Test
    void everyCallMakesANewKey() {
        SecureRandom random = new SecureRandom();
        assertThat(SshKeyPair.generateEd25519("a", random).publicKeyLine())
            .isNotEqualTo(SshKeyPair.generateEd25519("a", random).publicKeyLine())
            .startsWith("ssh-ed25519 ");
    }
}
