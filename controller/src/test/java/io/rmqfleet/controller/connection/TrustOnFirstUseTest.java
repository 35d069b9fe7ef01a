package io.rmqfleet.controller.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmqfleet.testbed.HostPublicKey;
import io.rmqfleet.testbed.SshKeyPair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import net.schmizz.sshj.common.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --accept-new-hosts: unknown keys are recorded (OpenSSH's accept-new), changed keys never. */
class TrustOnFirstUseTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dir;

    private final HostPublicKey known = HostPublicKey.parse(SshKeyPair.generateEd25519("", RANDOM).publicKeyLine());
    private final HostPublicKey other = HostPublicKey.parse(SshKeyPair.generateEd25519("", RANDOM).publicKeyLine());

    @Test
    void anUnknownKeyIsAppendedToTheFirstFileAndThenVouchedForStrictly() throws Exception {
        Path first = dir.resolve("sub/known_hosts");
        Path second = Files.writeString(dir.resolve("global"), other.knownHostsLine("10.213.0.50", 22) + "\n");
        KnownHostsVerifier accepting = new KnownHostsVerifier(List.of(first, second), true);

        assertThat(accepting.verify("10.213.0.11", 2222, publicKey(known))).isTrue();
        assertThat(accepting.recorded()).hasValueSatisfying(r -> assertThat(r).contains(known.sha256Fingerprint()));
        assertThat(Files.readString(first)).isEqualTo("[10.213.0.11]:2222 " + known.type() + " " + known.base64()
            + "\n");

        KnownHostsVerifier strict = new KnownHostsVerifier(List.of(first, second));
        assertThat(strict.verify("10.213.0.11", 2222, publicKey(known))).isTrue();
        assertThat(strict.verify("10.213.0.11", 22, publicKey(known))).isFalse();
    }

    @Test
    void aChangedKeyIsRefusedEvenWhenAcceptingNewOnes() throws Exception {
        Path kh = Files.writeString(dir.resolve("kh"), known.knownHostsLine("10.213.0.11", 22));
        KnownHostsVerifier accepting = new KnownHostsVerifier(List.of(kh), true);
        assertThat(accepting.verify("10.213.0.11", 22, publicKey(other))).isFalse();
        assertThat(accepting.rejection().orElseThrow().kind()).isEqualTo(HostKeyRejection.Kind.CHANGED);
        assertThat(accepting.recorded()).isEmpty();
        assertThat(Files.readString(kh)).isEqualTo(known.knownHostsLine("10.213.0.11", 22));
    }

    @Test
    void appendsOnANewLineAndKeepsWhatWasThere() throws Exception {
        Path kh = Files.writeString(dir.resolve("kh"), known.knownHostsLine("10.213.0.11", 22)); // no final newline
        assertThat(new KnownHostsVerifier(List.of(kh), true).verify("10.213.0.12", 22, publicKey(other))).isTrue();
        assertThat(Files.readAllLines(kh)).containsExactly(known.knownHostsLine("10.213.0.11", 22).strip(),
            "10.213.0.12 " + other.type() + " " + other.base64());
    }

    @Test
    void thePassphraseNeverShows() {
        LoginOptions options = LoginOptions.from(true, Map.of(LoginOptions.PASSPHRASE_ENV, "hunter2"));
        assertThat(options.keyPassphrase()).isEqualTo("hunter2");
        assertThat(options.toString()).doesNotContain("hunter2").contains("****");
        assertThat(LoginOptions.from(false, Map.of()).keyPassphrase()).isNull();
    }

    private static PublicKey publicKey(HostPublicKey key) throws Exception {
        return new Buffer.PlainBuffer(key.blob()).readPublicKey();
    }
}
