package io.rmqfleet.controller.module.docker;

import io.rmqfleet.controller.module.ModuleFailure;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.rmqfleet.controller.module.docker.ContainerPlan.Step.CREATE;
import static io.rmqfleet.controller.module.docker.ContainerPlan.Step.REMOVE;
import static io.rmqfleet.controller.module.docker.ContainerPlan.Step.RUN;
import static io.rmqfleet.controller.module.docker.ContainerPlan.Step.START;
import static io.rmqfleet.controller.module.docker.ContainerPlan.Step.STOP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContainerPlanTest {
    private static final String HASH = "h1";
    private static final String IMAGE = "sha256:aaa";

    private static InspectedContainer container(boolean managed, String hash, String imageId, boolean running) {
        Map<String, String> labels = new TreeMap<>();
        if (managed) {
            labels.put(ContainerSpec.MANAGED_LABEL, "true");
        }
        if (hash != null) {
            labels.put(ContainerSpec.HASH_LABEL, hash);
        }
        return new InspectedContainer("0123456789abcdef", "rmqbroker", imageId, running, running ? "running" : "exited",
                labels, ContainerSpecTest.spec(Map.of("name", "rmqbroker", "image", "i")));
    }

    @Test
    void missingContainerIsRunOrCreated() {
        assertThat(ContainerPlan.decide("started", HASH, null, IMAGE, false).steps()).containsExactly(RUN);
        assertThat(ContainerPlan.decide("stopped", HASH, null, IMAGE, false).steps()).containsExactly(CREATE);
        assertThat(ContainerPlan.decide("present", HASH, null, null, false).steps()).containsExactly(CREATE);
        assertThat(ContainerPlan.decide("absent", null, null, null, false).changes()).isFalse();
    }

    @Test
    void sameHashAndImageIsANoOp() {
        ContainerPlan plan = ContainerPlan.decide("started", HASH, container(true, HASH, IMAGE, true), IMAGE, false);
        assertThat(plan.changes()).isFalse();
        assertThat(plan.reasons()).isEmpty();
        assertThat(ContainerPlan.decide("stopped", HASH, container(true, HASH, IMAGE, false), IMAGE, false).changes()).isFalse();
        assertThat(ContainerPlan.decide("present", HASH, container(true, HASH, IMAGE, false), IMAGE, false).changes()).isFalse();
        // the image is not on the host (yet): no reason to recreate a container whose spec is unchanged
        assertThat(ContainerPlan.decide("started", HASH, container(true, HASH, IMAGE, true), null, false).changes()).isFalse();
    }

    @Test
    void differentHashRecreates() {
        ContainerPlan plan = ContainerPlan.decide("started", "h2", container(true, HASH, IMAGE, true), IMAGE, false);
        assertThat(plan.steps()).containsExactly(REMOVE, RUN);
        assertThat(plan.reasons()).containsExactly("spec changed");
        assertThat(ContainerPlan.decide("stopped", "h2", container(true, HASH, IMAGE, true), IMAGE, false).steps())
                .containsExactly(REMOVE, CREATE);
        assertThat(ContainerPlan.decide("present", "h2", container(true, HASH, IMAGE, true), IMAGE, false).steps())
                .containsExactly(REMOVE, RUN);
        assertThat(ContainerPlan.decide("present", "h2", container(true, HASH, IMAGE, false), IMAGE, false).steps())
                .containsExactly(REMOVE, CREATE);
    }

    @Test
    void newImageUnderTheSameTagRecreates() {
        ContainerPlan plan = ContainerPlan.decide("started", HASH, container(true, HASH, IMAGE, true), "sha256:bbb", false);
        assertThat(plan.steps()).containsExactly(REMOVE, RUN);
        assertThat(plan.reasons()).containsExactly("image changed");
    }

    @Test
    void startAndStopWithoutRecreating() {
        ContainerPlan start = ContainerPlan.decide("started", HASH, container(true, HASH, IMAGE, false), IMAGE, false);
        assertThat(start.steps()).containsExactly(START);
        ContainerPlan stop = ContainerPlan.decide("stopped", HASH, container(true, HASH, IMAGE, true), IMAGE, false);
        assertThat(stop.steps()).containsExactly(STOP);
    }

    @Test
    void absentRemovesManagedContainers() {
        assertThat(ContainerPlan.decide("absent", null, container(true, HASH, IMAGE, true), null, false).steps())
                .containsExactly(REMOVE);
    }

    @Test
    void unmanagedContainersAreRefusedUnlessAdopted() {
        for (String state : List.of("started", "stopped", "present", "absent")) {
            ContainerPlan plan = ContainerPlan.decide(state, HASH, container(false, null, IMAGE, true), IMAGE, false);
            assertThat(plan.refused()).as(state).isTrue();
            assertThat(plan.steps()).isEmpty();
            assertThat(plan.refusal()).contains("rmqbroker exists but was not created by rmqfleet", "adopt: true");
        }
        ContainerPlan adopted = ContainerPlan.decide("started", HASH, container(false, null, IMAGE, true), IMAGE, true);
        assertThat(adopted.steps()).containsExactly(REMOVE, RUN);
        assertThat(adopted.reasons()).containsExactly("adopted (was not created by rmqfleet)");
        // a label saying "false" is not managed either
        InspectedContainer fake = new InspectedContainer("id", "rmqbroker", IMAGE, true, "running",
                Map.of(ContainerSpec.MANAGED_LABEL, "false", ContainerSpec.HASH_LABEL, HASH),
                ContainerSpecTest.spec(Map.of("name", "rmqbroker", "image", "i")));
        assertThat(ContainerPlan.decide("started", HASH, fake, IMAGE, false).refused()).isTrue();
    }

    @Test
    void probeOutputIsSplitIntoItsParts() {
        ContainerProbe.Output exists = ContainerProbe.parse(
                "@@rmqfleet:container 0\n[{\"Id\":\"x\"}]\n@@rmqfleet:image-id\nsha256:aaa\n"
                        + "@@rmqfleet:container-image\n[{\"Id\":\"sha256:aaa\"}]\n@@rmqfleet:end\n");
        assertThat(exists.containerExists()).isTrue();
        assertThat(exists.containerJson()).isEqualTo("[{\"Id\":\"x\"}]");
        assertThat(exists.wantedImageId()).isEqualTo("sha256:aaa");
        assertThat(exists.containerImageJson()).isEqualTo("[{\"Id\":\"sha256:aaa\"}]");

        ContainerProbe.Output missing = ContainerProbe.parse(
                "@@rmqfleet:container 1\n[]\nError: No such container: rmqbroker\n@@rmqfleet:image-id\n\n"
                        + "@@rmqfleet:container-image\n@@rmqfleet:end\n");
        assertThat(missing.containerExists()).isFalse();
        assertThat(missing.wantedImageId()).isNull();

        assertThatThrownBy(() -> ContainerProbe.parse("@@rmqfleet:container 1\nCannot connect to the Docker daemon at "
                + "unix:///var/run/docker.sock. Is the docker daemon running?\n@@rmqfleet:image-id\n"
                + "@@rmqfleet:container-image\n@@rmqfleet:end\n"))
                .isInstanceOf(DockerUnavailableException.class).hasMessageContaining("Is the docker daemon running?");
        assertThatThrownBy(() -> ContainerProbe.parse("sh: 1: docker: not found\n"))
                .isInstanceOf(DockerUnavailableException.class).hasMessageContaining("docker: not found");
        assertThatThrownBy(() -> ContainerProbe.parse("garbage\n"))
                .isInstanceOf(ModuleFailure.class).isNotInstanceOf(DockerUnavailableException.class);
    }
}
