package io.rmqfleet.controller.module.docker;

import io.rmqfleet.controller.connection.Connection;
import io.rmqfleet.controller.connection.ExecResult;
import io.rmqfleet.controller.connection.ImageShipper;
import io.rmqfleet.controller.connection.LocalDocker;
import io.rmqfleet.controller.module.ModuleResult;
import io.rmqfleet.controller.module.bed.BedConnections;
import io.rmqfleet.controller.module.testing.LocalConnection;
import io.rmqfleet.controller.module.testing.ModuleRunner;
import io.rmqfleet.controller.module.testing.TinyImage;
import io.rmqfleet.testbed.SharedTestBed;
import io.rmqfleet.testbed.TestBed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static io.rmqfleet.controller.module.testing.Convergence.assertConverges;
import static org.assertj.core.api.Assertions.assertThat;

/** docker_container and docker_image on a test host's own Docker engine, over SSH. */
class DockerModulesIT {
    private static Connection connection;
    private static DockerContainerScenarios scenarios;
    private static Path shipCache;

    @BeforeAll
    static void connect() throws IOException {
        TestBed bed = SharedTestBed.get(2);
        connection = BedConnections.open(bed, bed.host(2));
        scenarios = new DockerContainerScenarios(connection, "rmqfleet-modules-it");
        scenarios.cleanUp();
        shipCache = Files.createTempDirectory("rmqfleet-modules-ship");
    }

    @AfterAll
    static void cleanUp() {
        if (connection != null) {
            scenarios.cleanUp();
            connection.close();
        }
    }

    @Test
    void containerCreate() {
        scenarios.createIsIdempotentAndCheckModePredictsIt();
    }

    @Test
    void containerRecreatedOnlyWhenTheSpecChanges() {
        scenarios.changedEnvRecreatesAndShowsTheDiff();
    }

    @Test
    void containerStopStart() {
        scenarios.stopAndStartKeepTheContainer();
    }

    @Test
    void containerAbsentKeepsVolumes() {
        scenarios.absentRemovesTheContainerButKeepsVolumes();
    }

    @Test
    void unlabelledContainerRefused() {
        scenarios.unlabelledContainerIsRefusedUntilAdopted();
    }

    @Test
    void missingImage() {
        scenarios.missingImageWithPullNeverFailsClearly();
    }

    @Test
    void imageShippedFromTheControllerThenRemoved() {
        // an image only the controller has: built on the controller's engine under a tag unique to this run
        String tag = "rmqfleet-it/ship:" + ProcessHandle.current().pid();
        LocalConnection controller = new LocalConnection();
        String localId = TinyImage.ensure(controller, tag, "ship");
        try {
            ImageTransfer transfer = new ShipperImageTransfer(new LocalDocker(),
                    new ImageShipper(new LocalDocker(), shipCache, Clock.systemUTC()));
            ModuleRunner runner = new ModuleRunner(connection, null, null);
            DockerImageModule module = new DockerImageModule(transfer);
            ModuleResult shipped = assertConverges(runner, module, Map.of("name", tag, "source", "ship"),
                    () -> hostImage(tag));
            assertThat(shipped.data()).containsEntry("id", localId).containsEntry("msg", "image shipped");
            assertThat(hostImage(tag)).isEqualTo("0 " + localId);

            assertConverges(runner, module, Map.of("name", tag, "state", "absent"), () -> hostImage(tag));
            assertThat(hostImage(tag)).startsWith("1 ");

            ModuleResult local = runner.apply(module, Map.of("name", tag, "source", "local"));
            assertThat(local.msg().orElseThrow()).contains("is not on the host");
        } finally {
            connection.exec("docker rmi -f " + tag + " >/dev/null 2>&1", Duration.ofMinutes(1));
            controller.exec("docker rmi -f " + tag + " >/dev/null 2>&1", Duration.ofMinutes(1));
        }
    }

    private static String hostImage(String tag) {
        ExecResult r = connection.exec("docker image inspect --format '{{.Id}}' " + tag, Duration.ofMinutes(1));
        return r.exitCode() + " " + r.stdout().strip();
    }
}
