package io.rmqfleet.controller.module.docker;

import io.rmqfleet.controller.module.testing.LocalConnection;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** docker_container against this machine's Docker engine (the one the test bed's hosts run in). */
class DockerContainerLocalIT {
    private static DockerContainerScenarios scenarios;

    @BeforeAll
    static void setUp() {
        scenarios = new DockerContainerScenarios(new LocalConnection(), "rmqfleet-modules-it-" + ProcessHandle.current().pid());
        scenarios.cleanUp();
    }

    @AfterAll
    static void tearDown() {
        scenarios.cleanUp();
    }

    @Test
    void create() {
        scenarios.createIsIdempotentAndCheckModePredictsIt();
    }

    @Test
    void recreateOnSpecChange() {
        scenarios.changedEnvRecreatesAndShowsTheDiff();
    }

    @Test
    void stopStart() {
        scenarios.stopAndStartKeepTheContainer();
    }

    @Test
    void absentKeepsVolumes() {
        scenarios.absentRemovesTheContainerButKeepsVolumes();
    }

    @Test
    void refuseUnlabelled() {
        scenarios.unlabelledContainerIsRefusedUntilAdopted();
    }

    @Test
    void missingImage() {
        scenarios.missingImageWithPullNeverFailsClearly();
    }
}
