package io.rmqfleet.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.DisconnectReason;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.transport.TransportException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Three real hosts (sshd + dockerd containers): SSH by key with strict host keys, containers inside, ansible. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TestBedIT {
    private static TestBed bed;

    @BeforeAll
    static void startBed() {
        TestImages.ensure();
        String name = "it-bed-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
        bed = TestBed.start(TestBedSpec.of(name, 3).withSubnet(new Subnet(150), true));
        System.out.printf("test bed %s: 3 hosts ready in %d ms%n", bed, bed.startupTime().toMillis());
    }

    @AfterAll
    static void closeBed() {
        if (bed != null) {
            bed.close();
        }
    }

    @Test
    @Order(1)
    void hostsHaveFixedAddressesAndTheirOwnHostKeys() {
        assertThat(bed.hosts()).extracting(TestHost::name).containsExactly("host1", "host2", "host3");
        assertThat(bed.subnet().thirdOctet()).isBetween(150, 255);
        for (int n = 1; n <= 3; n++) {
            assertThat(bed.host(n).address()).isEqualTo(bed.subnet().hostAddress(n));
            assertThat(bed.host(n).fingerprint()).startsWith("SHA256:");
        }
        assertThat(bed.hosts()).extracting(TestHost::fingerprint).doesNotHaveDuplicates();
    }

    @Test
    @Order(2)
    void sshjConnectsToEachHostByKeyPinnedToTheReportedFingerprint() throws IOException {
        for (TestHost host : bed.hosts()) {
            try (SSHClient ssh = new SSHClient()) {
                ssh.addHostKeyVerifier(host.fingerprint());
                ssh.connect(host.address(), host.sshPort());
                ssh.authPublickey("root", ssh.loadKeys(bed.privateKey().toString()));
                assertThat(run(ssh, "hostname").strip()).isEqualTo(host.name());
                assertThat(run(ssh, "ip -4 -o addr show")).contains(host.address() + "/24");
            }
        }
    }

    @Test
    @Order(3)
    void theWrittenKnownHostsFileIsAcceptedStrictly() throws IOException {
        for (TestHost host : bed.hosts()) {
            try (SSHClient ssh = new SSHClient()) {
                ssh.loadKnownHosts(bed.knownHosts().toFile());
                ssh.connect(host.address(), host.sshPort());
                ssh.authPublickey("root", ssh.loadKeys(bed.privateKey().toString()));
                assertThat(run(ssh, "echo ok").strip()).isEqualTo("ok");
            }
        }
    }

    @Test
    @Order(4)
    void aWrongFingerprintIsRefused() {
        TestHost host1 = bed.host(1);
        for (String wrong : List.of(bed.host(2).fingerprint(), "SHA256:" + "A".repeat(43))) {
            assertThatThrownBy(() -> {
                try (SSHClient ssh = new SSHClient()) {
                    ssh.addHostKeyVerifier(wrong);
                    ssh.connect(host1.address(), host1.sshPort());
                }
            }).isInstanceOfSatisfying(TransportException.class, e ->
                assertThat(e.getDisconnectReason()).isEqualTo(DisconnectReason.HOST_KEY_NOT_VERIFIABLE));
        }
    }

    @Test
    @Order(5)
    void aContainerReallyRunsInsideEachHost() throws IOException {
        for (TestHost host : bed.hosts()) {
            try (SSHClient ssh = new SSHClient()) {
                ssh.addHostKeyVerifier(host.fingerprint());
                ssh.connect(host.address(), host.sshPort());
                ssh.authPublickey("root", ssh.loadKeys(bed.privateKey().toString()));
                // The probe image was imported by the readiness check; run our own command in it.
                String out = run(ssh, "docker run --rm --pull never --network none rmqfleet/probe:1 "
                    + "/bin/busybox sh -c 'echo inner-$((6*7))-$(cat /proc/1/comm)'");
                assertThat(out.strip()).isEqualTo("inner-42-busybox");
            }
        }
    }

    @Test
    @Order(6)
    void ansiblePingsEveryHostWithTheWrittenInventory() throws Exception {
        ProcessBuilder pb = new ProcessBuilder("ansible", "all", "-i", bed.inventory().toString(), "-m", "ping", "-o")
            .redirectErrorStream(true);
        pb.environment().put("ANSIBLE_NOCOLOR", "1");
        pb.environment().put("ANSIBLE_LOCALHOST_WARNING", "false");
        Process ansible = pb.start();
        String out = new String(ansible.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ansible.waitFor(180, TimeUnit.SECONDS)).isTrue();
        assertThat(ansible.exitValue()).as(out).isZero();
        for (TestHost host : bed.hosts()) {
            assertThat(out).as(out).containsPattern("(?m)^" + host.name() + " \\| SUCCESS => .*\"ping\": \"pong\"");
        }
    }

    @Test
    @Order(7)
    void closeRemovesEverythingTheBedCreated() {
        BedCleaner cleaner = BedCleaner.connect();
        BedCleaner.Resources before = cleaner.find(bed.name());
        assertThat(before.containers()).hasSize(3);
        assertThat(before.networks()).containsExactly(bed.networkName());
        assertThat(before.volumes()).hasSize(3);

        bed.close();

        assertThat(cleaner.find(bed.name()).isEmpty()).as("left over: %s", cleaner.find(bed.name())).isTrue();
        assertThat(Files.exists(bed.privateKey())).isFalse();
        assertThat(Files.exists(bed.files().dir())).isFalse();
    }

    private static String run(SSHClient ssh, String command) throws IOException {
        try (Session session = ssh.startSession()) {
            Session.Command cmd = session.exec(command);
            String out = new String(cmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            String err = new String(cmd.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            cmd.join(60, TimeUnit.SECONDS);
            assertThat(cmd.getExitStatus()).as("%s: %s", command, err).isZero();
            return out;
        }
    }
}
