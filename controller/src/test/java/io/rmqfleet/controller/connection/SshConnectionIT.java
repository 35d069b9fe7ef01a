package io.rmqfleet.controller.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rmqfleet.testbed.SharedTestBed;
import io.rmqfleet.testbed.TestBed;
import io.rmqfleet.testbed.TestHost;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SshConnection against real sshd hosts from the test bed. */
class SshConnectionIT {
    private static final Duration T = Duration.ofSeconds(60);
    private static TestBed bed;
    private static SshConnection host1;

    @TempDir
    Path tmp;

    @BeforeAll
    static void connect() {
        bed = SharedTestBed.get(3);
        host1 = BedInventory.open(bed, "host1");
    }

    @AfterAll
    static void disconnect() {
        if (host1 != null) {
            host1.exec("rm -rf /tmp/rmqfleet-ssh-it", T);
            host1.close();
        }
    }

    @Test
    void execReturnsStdoutStderrAndExitCodeSeparately() {
        ExecResult result = host1.exec("echo out; echo err >&2; exit 3", T);
        assertThat(result.exitCode()).isEqualTo(3);
        assertThat(result.stdout()).isEqualTo("out\n");
        assertThat(result.stderr()).isEqualTo("err\n");
        assertThat(host1.exec("hostname", T).stdout().strip()).isEqualTo("host1");
    }

    @Test
    void commandsRunThroughShAsRootAndArgumentsSurviveQuoting() {
        String tricky = "it's $HOME `id` \"q\"";
        assertThat(host1.exec("printf %s " + ShellQuote.quote(tricky), T).stdout()).isEqualTo(tricky);
        assertThat(host1.exec("id -u", T).stdout().strip()).isEqualTo("0");
        assertThat(host1.exec("a=1; [ \"$a\" = 1 ] && echo posix", T).stdout().strip()).isEqualTo("posix");
    }

    @Test
    void stdinReachesTheCommand() {
        byte[] input = new byte[1 << 20];
        new Random(7).nextBytes(input);
        ExecResult result = host1.exec("wc -c", input, T);
        assertThat(result.stdout().strip()).isEqualTo(String.valueOf(input.length));
        assertThat(host1.exec("cat", "line\n".getBytes(StandardCharsets.UTF_8), T).stdout()).isEqualTo("line\n");
    }

    @Test
    void bigOutputOnBothStreamsDoesNotDeadlock() {
        ExecResult result = host1.exec(
            "(yes out | head -c 3000000) & (yes err | head -c 3000000 >&2) & wait", T);
        assertThat(result.ok()).isTrue();
        assertThat(result.stdout()).hasSize(3_000_000);
        assertThat(result.stderr()).hasSize(3_000_000);
    }

    @Test
    void aCommandOutlivingItsTimeoutIsCutAndTheConnectionStaysUsable() {
        Instant start = Instant.now();
        ExecResult result = host1.exec("echo started; sleep 300; echo never", Duration.ofSeconds(1));
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(15));
        assertThat(result.exitCode()).isEqualTo(SshConnection.TIMED_OUT);
        assertThat(result.stdout()).isEqualTo("started\n");
        assertThat(result.stderr()).contains("timed out after 1 s");
        // The remote command was killed, not left running.
        assertThat(host1.exec("pgrep -x sleep || true", T).stdout()).isBlank();
        assertThat(host1.exec("echo still-here", T).stdout()).isEqualTo("still-here\n");
    }

    @Test
    void manyCommandsInParallelShareOneConnection() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<ExecResult>> results = IntStream.range(0, 24)
                .mapToObj(i -> pool.submit(() -> host1.exec("echo " + i, T))).toList();
            for (int i = 0; i < results.size(); i++) {
                assertThat(results.get(i).get().stdout().strip()).isEqualTo(String.valueOf(i));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void putWritesContentAndModeReplacesAtomicallyAndFetchReadsBack() {
        host1.exec("mkdir -p /tmp/rmqfleet-ssh-it/put", T);
        String path = "/tmp/rmqfleet-ssh-it/put/broker.conf";
        host1.put("brokerName=a\n".getBytes(StandardCharsets.UTF_8), path, 0640);
        assertThat(host1.exec("stat -c %a " + path, T).stdout().strip()).isEqualTo("640");
        host1.put("brokerName=b\n".getBytes(StandardCharsets.UTF_8), path, 0600);
        assertThat(host1.fetch(path)).hasValueSatisfying(
            bytes -> assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("brokerName=b\n"));
        assertThat(host1.exec("stat -c %a " + path, T).stdout().strip()).isEqualTo("600");
        // No temporary upload file is left beside it.
        assertThat(host1.exec("ls -A /tmp/rmqfleet-ssh-it/put", T).stdout().strip()).isEqualTo("broker.conf");
        assertThat(host1.fetch("/tmp/rmqfleet-ssh-it/put/none")).isEmpty();
    }

    @Test
    void putCopiesALocalFileByteForByte() throws Exception {
        byte[] data = new byte[5_000_000];
        new Random(11).nextBytes(data);
        Path local = Files.write(tmp.resolve("blob.bin"), data);
        host1.exec("mkdir -p /tmp/rmqfleet-ssh-it", T);
        host1.put(local, "/tmp/rmqfleet-ssh-it/blob.bin", 0644);
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        assertThat(host1.exec("sha256sum /tmp/rmqfleet-ssh-it/blob.bin", T).stdout()).startsWith(sha);
    }

    @Test
    void anUnknownHostKeyIsRefusedWithItsFingerprint() throws Exception {
        TestHost h2 = bed.host(2);
        Path empty = Files.writeString(tmp.resolve("known_hosts"), "");
        SshSettings settings = withKnownHosts(BedInventory.settings(bed, "host2"), empty);
        assertThatThrownBy(() -> SshConnection.open(settings))
            .isInstanceOf(UnreachableException.class)
            .hasMessageContaining("host2 (" + h2.address() + ":22)")
            .hasMessageContaining("unknown ssh-ed25519 host key " + h2.fingerprint());
    }

    @Test
    void aChangedHostKeyIsRefused() throws Exception {
        TestHost h2 = bed.host(2);
        TestHost h3 = bed.host(3);
        // known_hosts claims host3's key belongs to host2's address.
        Path lying = Files.writeString(tmp.resolve("known_hosts"), h3.hostKey().knownHostsLine(h2.address(), 22) + "\n");
        assertThatThrownBy(() -> SshConnection.open(withKnownHosts(BedInventory.settings(bed, "host2"), lying)))
            .isInstanceOf(UnreachableException.class)
            .hasMessageContaining("CHANGED").hasMessageContaining(h2.fingerprint());
    }

    @Test
    void aHostThatIsNotThereIsUnreachable() {
        SshSettings base = BedInventory.settings(bed, "host1");
        SshSettings nobody = new SshSettings("ghost", bed.subnet().hostAddress(199), 22, "root", base.privateKey(),
            base.knownHostsFiles(), false, Duration.ofSeconds(2), base.keepAliveInterval());
        Instant start = Instant.now();
        assertThatThrownBy(() -> SshConnection.open(nobody))
            .isInstanceOf(UnreachableException.class).hasMessageContaining("ghost (" + nobody.address() + ":22)")
            .satisfies(e -> assertThat(((UnreachableException) e).hostName()).isEqualTo("ghost"));
        assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(20));
    }

    @Test
    void aWrongKeyIsALoginFailure() throws Exception {
        Path otherKey = tmp.resolve("other");
        io.rmqfleet.testbed.SshKeyPair.generateEd25519("x", new java.security.SecureRandom()).writePrivateKey(otherKey);
        SshSettings base = BedInventory.settings(bed, "host1");
        SshSettings wrong = new SshSettings("host1", base.address(), 22, "root", java.util.Optional.of(otherKey),
            base.knownHostsFiles(), false, base.connectTimeout(), base.keepAliveInterval());
        assertThatThrownBy(() -> SshConnection.open(wrong))
            .isInstanceOf(UnreachableException.class).hasMessageContaining("login as root refused");
    }

    private static SshSettings withKnownHosts(SshSettings s, Path knownHosts) {
        return new SshSettings(s.hostName(), s.address(), s.port(), s.user(), s.privateKey(), List.of(knownHosts),
            s.become(), s.connectTimeout(), s.keepAliveInterval());
    }
}
