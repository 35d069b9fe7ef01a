package io.rmqfleet.agent.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rmqfleet.agent.testing.Resources;
import io.rmqfleet.common.report.ContainerState;
import io.rmqfleet.common.report.ContainerStatus;
import io.rmqfleet.common.report.Health;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Inspect answers captured from dockerd 20.10 (API 1.41) on this machine, one per container state. */
class DockerInspectTest {
    private static final String IMAGE_ID =
            "sha256:1669c7ca2e7e97bd84195ac61a906f6bdebb18edce331e5fe4c6a99d744cb21a";

    private static ContainerStatus inspect(String fixture) {
        return DockerInspect.status(Resources.json("docker/inspect-" + fixture + ".json"));
    }

    @Test
    void runningHealthyContainerWithSpecHash() {
        ContainerStatus c = inspect("healthy");

        assertThat(c.id()).isEqualTo("777b52fb51eb1be5e713fcda90c3fa905095ba26c66fe37be64692153338fea6");
        assertThat(c.name()).isEqualTo("agentfx-healthy");
        assertThat(c.image()).isEqualTo("rmqfleet/base:bookworm");
        assertThat(c.imageId()).isEqualTo(IMAGE_ID);
        assertThat(c.state()).isEqualTo(ContainerState.RUNNING);
        assertThat(c.health()).isEqualTo(Health.HEALTHY);
        assertThat(c.restartCount()).isZero();
        assertThat(c.exitCode()).isZero();
        assertThat(c.startedAt()).isEqualTo(Instant.parse("2026-11-25T11:46:19.427074068Z"));
        assertThat(c.specHash()).isEqualTo("5d41402abc4b2a76b9719d911017c592e2f0b0e3f1d5a1b2c3d4e5f60718293a");
    }

    @Test
    void unhealthyContainerWithoutSpecHash() {
        ContainerStatus c = inspect("unhealthy");

        assertThat(c.state()).isEqualTo(ContainerState.RUNNING);
        assertThat(c.health()).isEqualTo(Health.UNHEALTHY);
        assertThat(c.specHash()).isNull();
    }

    @Test
    void exitedContainerKeepsItsExitCode() {
        ContainerStatus c = inspect("exited");

        assertThat(c.state()).isEqualTo(ContainerState.EXITED);
        assertThat(c.exitCode()).isEqualTo(3);
        assertThat(c.health()).isEqualTo(Health.NONE);
        assertThat(c.specHash()).isEqualTo("17c0ffee");
    }

    @Test
    void createdContainerNeverStarted() {
        ContainerStatus c = inspect("created");

        assertThat(c.state()).isEqualTo(ContainerState.CREATED);
        assertThat(c.startedAt()).isNull();
    }

    @Test
    void restartingContainerCountsItsRestarts() {
        ContainerStatus c = inspect("restarting");

        assertThat(c.state()).isEqualTo(ContainerState.RESTARTING);
        assertThat(c.restartCount()).isEqualTo(8);
        assertThat(c.exitCode()).isEqualTo(1);
    }

    @Test
    void pausedContainer() {
        assertThat(inspect("paused").state()).isEqualTo(ContainerState.PAUSED);
    }

    @Test
    void listAnswerGivesTheIdsOfManagedContainersOnly() {
        assertThat(DockerInspect.ids(Resources.json("docker/containers-list.json"))).containsExactly(
                "9b3987dc2e74cd4b2e6968943cbabf7f3a7d4862673f225abe7f8d5a822963b7",
                "cb8cef59c57b2574cdfbf0456971c77a3d5db6507e28863ad3aeea88ec229084",
                "7c6d35637dc67734181f521259187240aea12084d10c7ed8beb624be61e47ccd",
                "a5c20c2a5a1cea080a1f26bc8843cfc12d1dd478b1307a0812fea52f98580a92",
                "34c6e3ff4b5f75a56ab3cd459fcdf2f92b80286acaf4ea627b28d9f6fe654a88",
                "777b52fb51eb1be5e713fcda90c3fa905095ba26c66fe37be64692153338fea6");
    }

    @Test
    void aStateNewerThanThisCodeFallsBackToTheFlags() {
        ObjectNode json = (ObjectNode) Resources.json("docker/inspect-restarting.json");
        ((ObjectNode) json.get("State")).put("Status", "hibernating");

        assertThat(DockerInspect.status(json).state()).isEqualTo(ContainerState.RESTARTING);
        ((ObjectNode) json.get("State")).put("Restarting", false).put("Running", false);
        assertThat(DockerInspect.status(json).state()).isEqualTo(ContainerState.EXITED);
    }

    @Test
    void oddLabelValuesAreMadeWireSafe() {
        ObjectNode json = (ObjectNode) Resources.json("docker/inspect-healthy.json");
        ObjectNode labels = (ObjectNode) json.get("Config").get("Labels");

        labels.put("rmqfleet.spec-hash", "a b\tc");
        assertThat(DockerInspect.status(json).specHash()).isEqualTo("a_b_c");
        labels.put("rmqfleet.spec-hash", "x".repeat(1000));
        assertThat(DockerInspect.status(json).specHash()).hasSize(256);
        labels.put("rmqfleet.spec-hash", "");
        assertThat(DockerInspect.status(json).specHash()).isNull();
    }

    @Test
    void garbageIsRefused() {
        assertThatThrownBy(() -> DockerInspect.ids(Resources.json("docker/inspect-paused.json")))
                .isInstanceOf(IllegalArgumentException.class);
        ObjectNode json = (ObjectNode) Resources.json("docker/inspect-paused.json");
        json.put("Id", "not-an-id");
        assertThatThrownBy(() -> DockerInspect.status(json)).hasMessageContaining("not-an-id");
    }
}
