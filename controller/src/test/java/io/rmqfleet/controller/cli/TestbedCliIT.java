package io.rmqfleet.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmqfleet.testbed.BedCleaner;
import io.rmqfleet.testbed.TestImages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** {@code rmqfleet testbed up/status/down} as real processes of the packaged jar, beds outliving each process. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TestbedCliIT {
    private static final Path JAR = Path.of("target", "rmqfleet.jar").toAbsolutePath();

    @TempDir
    static Path home;

    private static String bedName;

    record Run(int exit, String out) {
    }

    @BeforeAll
    static void images() {
        TestImages.ensure();
        assertThat(JAR).as("mvn package builds it before the integration tests").exists();
        bedName = TestbedCommand.bedNameFor(home);
    }

    @AfterAll
    static void removeWhateverIsLeft() {
        BedCleaner.connect().remove(bedName);
    }

    @Test
    @Order(1)
    void upStartsHostsThatOutliveTheProcessAndWritesTheFiles() throws Exception {
        Path copy = home.resolve("out/inventory.yml");
        Run up = rmqfleet("testbed", "up", "--hosts", "2", "--inventory-out", copy.toString());
        assertThat(up.exit()).as(up.out()).isZero();
        assertThat(up.out()).contains("test bed '" + bedName + "' is up: 2 host(s)", "host1", "host2", "SHA256:");

        Path state = home.resolve(".rmqfleet/testbed");
        assertThat(state.resolve("state.json")).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state.resolve("id_ed25519"))))
            .isEqualTo("rw-------");
        assertThat(Files.readString(copy)).isEqualTo(Files.readString(state.resolve("inventory.yml")));
        assertThat(BedCleaner.connect().find(bedName).containers()).hasSize(2);
    }

    @Test
    @Order(2)
    void upAgainOnlyPrintsTheBed() throws Exception {
        Run again = rmqfleet("testbed", "up", "--hosts", "2");
        assertThat(again.exit()).as(again.out()).isZero();
        assertThat(again.out()).contains("is already up: 2 host(s)", "nothing started");
        Run resize = rmqfleet("testbed", "up", "--hosts", "3");
        assertThat(resize.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(resize.out()).contains("already up with 2 host(s), not 3", "testbed down");
    }

    @Test
    @Order(3)
    void statusShowsRunningHostsReachableOverSshAndTheInventoryWorksWithAnsible() throws Exception {
        Run status = rmqfleet("testbed", "status");
        assertThat(status.exit()).as(status.out()).isZero();
        assertThat(status.out()).containsPattern("host1\\s+10\\.213\\.\\d+\\.11:22\\s+running\\s+ok\\s+SHA256:")
            .containsPattern("host2\\s+10\\.213\\.\\d+\\.12:22\\s+running\\s+ok\\s+SHA256:");

        Run ping = run(List.of("ansible", "all", "-i", home.resolve("out/inventory.yml").toString(), "-m", "ping", "-o"));
        assertThat(ping.exit()).as(ping.out()).isZero();
        assertThat(ping.out()).contains("host1 | SUCCESS", "host2 | SUCCESS");
    }

    @Test
    @Order(4)
    void statusReportsAStoppedHost() throws Exception {
        Run stop = run(List.of("docker", "stop", "-t", "1", "rmqfleet-" + bedName + "-host2"));
        assertThat(stop.exit()).as(stop.out()).isZero();
        Run status = rmqfleet("testbed", "status");
        assertThat(status.exit()).isEqualTo(ExitCodes.HOST_UNREACHABLE);
        assertThat(status.out()).containsPattern("host2\\s+\\S+\\s+exited");
    }

    @Test
    @Order(5)
    void downRemovesExactlyTheBedAndIsIdempotent() throws Exception {
        Run down = rmqfleet("testbed", "down");
        assertThat(down.exit()).as(down.out()).isZero();
        assertThat(down.out()).contains("removed: 2 container(s), 1 network(s), 2 volume(s)");
        assertThat(BedCleaner.connect().find(bedName).isEmpty()).isTrue();
        assertThat(home.resolve(".rmqfleet/testbed")).doesNotExist();

        Run again = rmqfleet("testbed", "down");
        assertThat(again.exit()).isZero();
        assertThat(again.out()).contains("nothing to remove");
        Run status = rmqfleet("testbed", "status");
        assertThat(status.exit()).isEqualTo(ExitCodes.ERROR);
        assertThat(status.out()).contains("no test bed is up");
    }

    private static Run rmqfleet(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("java", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return run(command);
    }

    private static Run run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true);
        pb.environment().put("RMQFLEET_HOME", home.toString());
        pb.environment().put("ANSIBLE_NOCOLOR", "1");
        Process process = pb.start();
        process.getOutputStream().close();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Run(process.exitValue(), out);
    }
}
