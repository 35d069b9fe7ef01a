package io.rmqfleet.controller.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmqfleet.testbed.HostPublicKey;
import io.rmqfleet.testbed.SshKeyPair;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.util.List;
import net.schmizz.sshj.common.Buffer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnownHostsVerifierTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @TempDir
    Path dir;

    private final HostPublicKey known = HostPublicKey.parse(SshKeyPair.generateEd25519("", RANDOM).publicKeyLine());
    private final HostPublicKey other = HostPublicKey.parse(SshKeyPair.generateEd25519("", RANDOM).publicKeyLine());

    @Test
    void acceptsTheListedKeyOnItsPort() throws Exception {
        Path kh = write("kh", known.knownHostsLine("10.213.0.11", 22), known.knownHostsLine("10.213.0.12", 2222));
        KnownHostsVerifier verifier = new KnownHostsVerifier(List.of(kh));
        assertThat(verifier.verify("10.213.0.11", 22, publicKey(known))).isTrue();
        assertThat(verifier.verify("10.213.0.12", 2222, publicKey(known))).isTrue();
        assertThat(verifier.rejection()).isEmpty();
        assertThat(verifier.findExistingAlgorithms("10.213.0.11", 22)).containsExactly("ssh-ed25519");
    }

    @Test
    void refusesAnUnknownHostAndSaysWhichFingerprint() throws Exception {
        Path kh = write("kh", known.knownHostsLine("10.213.0.11", 22));
        KnownHostsVerifier verifier = new KnownHostsVerifier(List.of(kh, dir.resolve("missing")));
        assertThat(verifier.verify("10.213.0.99", 22, publicKey(known))).isFalse();
        HostKeyRejection rejection = verifier.rejection().orElseThrow();
        assertThat(rejection.kind()).isEqualTo(HostKeyRejection.Kind.UNKNOWN);
        assertThat(rejection.describe("host9 (10.213.0.99:22)"))
            .contains("host9 (10.213.0.99:22)", "unknown ssh-ed25519 host key", known.sha256Fingerprint(), kh.toString());
    }

    @Test
    void refusesAChangedKeyLoudly() throws Exception {
        Path kh = write("kh", known.knownHostsLine("10.213.0.11", 22));
        KnownHostsVerifier verifier = new KnownHostsVerifier(List.of(kh));
        assertThat(verifier.verify("10.213.0.11", 22, publicKey(other))).isFalse();
        HostKeyRejection rejection = verifier.rejection().orElseThrow();
        assertThat(rejection.kind()).isEqualTo(HostKeyRejection.Kind.CHANGED);
        assertThat(rejection.describe("host1")).contains("CHANGED", other.sha256Fingerprint());
    }

    @Test
    void theSameKeyOnAnotherPortIsNotVouchedFor() throws Exception {
        Path kh = write("kh", known.knownHostsLine("10.213.0.11", 22));
        assertThat(new KnownHostsVerifier(List.of(kh)).verify("10.213.0.11", 2222, publicKey(known))).isFalse();
    }

    @Test
    void laterFilesCanVouchAndHashedEntriesWork() throws Exception {
        Path first = write("kh1", other.knownHostsLine("10.213.0.50", 22));
        Path second = write("kh2", known.knownHostsLine("10.213.0.11", 22));
        Files.writeString(second, Files.readString(second));
        Process hash = new ProcessBuilder("ssh-keygen", "-H", "-f", second.toString()).redirectErrorStream(true).start();
        hash.getInputStream().readAllBytes();
        assertThat(hash.waitFor()).isZero();
        assertThat(Files.readString(second)).startsWith("|1|");

        KnownHostsVerifier verifier = new KnownHostsVerifier(List.of(first, second));
        assertThat(verifier.verify("10.213.0.11", 22, publicKey(known))).isTrue();
    }

    @Test
    void fingerprintMatchesTheTestBeds() throws Exception {
        assertThat(KnownHostsVerifier.sha256Fingerprint(publicKey(known))).isEqualTo(known.sha256Fingerprint());
    }

    private Path write(String name, String... lines) throws Exception {
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n");
    }

    private static PublicKey publicKey(HostPublicKey key) throws Exception {
        return new Buffer.PlainBuffer(key.blob()).readPublicKey();
    }
}
