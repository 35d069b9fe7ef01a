package io.rmqfleet.controller.module.docker;

import io.rmqfleet.controller.module.ModuleFailure;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DockerInstallPlanTest {
    private static final String DEBIAN_NO_DOCKER = """
            dockerd:
            docker:
            running:
            pid1:tini
            pkg:apt-get
            os:ID=debian
            """;
    private static final String DEBIAN_RUNNING = """
            dockerd:/usr/sbin/dockerd
            docker:/usr/bin/docker
            running:57
            server:20.10.24+dfsg1
            pid1:tini
            initd:yes
            pkg:apt-get
            os:ID=debian
            """;
    private static final String ROCKY_STOPPED = """
            dockerd:/usr/bin/dockerd
            docker:/usr/bin/docker
            running:
            server:
            pid1:systemd
            systemctl:yes
            pkg:dnf
            pkg:yum
            os:ID="rocky"
            os:ID_LIKE="rhel centos fedora"
            """;

    @Test
    void parsesTheProbe() {
        DockerHost debian = DockerHost.parse(DEBIAN_NO_DOCKER);
        assertThat(debian.installed()).isFalse();
        assertThat(debian.answering()).isFalse();
        assertThat(debian.osFamily()).isEqualTo("Debian");
        DockerHost running = DockerHost.parse(DEBIAN_RUNNING);
        assertThat(running.installed()).isTrue();
        assertThat(running.daemonRunning()).isTrue();
        assertThat(running.serverVersion()).isEqualTo("20.10.24+dfsg1");
        assertThat(running.initScript()).isTrue();
        DockerHost rocky = DockerHost.parse(ROCKY_STOPPED);
        assertThat(rocky.osFamily()).isEqualTo("RedHat");
        assertThat(rocky.osId()).isEqualTo("rocky");
        assertThat(rocky.packageManagers()).containsExactly("dnf", "yum");
        assertThat(rocky.daemonRunning()).isFalse();
    }

    @Test
    void installCommandsPerFamily() {
        assertThat(DockerInstallPlan.installCommand(DockerHost.parse(DEBIAN_NO_DOCKER), List.of()))
                .isEqualTo("export DEBIAN_FRONTEND=noninteractive && apt-get update -q && "
                        + "apt-get install -y -q --no-install-recommends docker.io");
        assertThat(DockerInstallPlan.installCommand(DockerHost.parse(DEBIAN_RUNNING), List.of())).isNull();
        String rockyMissing = ROCKY_STOPPED.replace("dockerd:/usr/bin/dockerd", "dockerd:");
        assertThat(DockerInstallPlan.installCommand(DockerHost.parse(rockyMissing), List.of()))
                .isEqualTo("dnf install -y docker-ce docker-ce-cli containerd.io");
        assertThat(DockerInstallPlan.installCommand(DockerHost.parse(rockyMissing.replace("pkg:dnf\n", "")
                .replace("ID=\"rocky\"", "ID=fedora")), List.of())).isEqualTo("yum install -y moby-engine");
        assertThat(DockerInstallPlan.installCommand(DockerHost.parse(DEBIAN_NO_DOCKER), List.of("docker-ce", "x y")))
                .endsWith("--no-install-recommends docker-ce 'x y'");
        assertThatThrownBy(() -> DockerInstallPlan.installCommand(DockerHost.parse("dockerd:\nos:ID=alpine\npkg:apk\n"), List.of()))
                .isInstanceOf(ModuleFailure.class).hasMessageContaining("no apt-get, dnf or yum (os alpine, family Alpine)");
    }

    @Test
    void startMethods() {
        assertThat(DockerInstallPlan.startMethod(DockerHost.parse(ROCKY_STOPPED), "auto")).isEqualTo("systemd");
        assertThat(DockerInstallPlan.startMethod(DockerHost.parse(DEBIAN_RUNNING), "auto")).isEqualTo("supervised");
        assertThat(DockerInstallPlan.startMethod(DockerHost.parse(DEBIAN_RUNNING), "service")).isEqualTo("service");
        assertThat(DockerInstallPlan.startCommand("systemd", List.of())).isEqualTo("systemctl enable --now docker");
        assertThat(DockerInstallPlan.startCommand("service", List.of())).isEqualTo("service docker start");
        String supervised = DockerInstallPlan.startCommand("supervised", List.of("--bip", "10.250.0.1/24"));
        assertThat(supervised).startsWith("setsid sh -c '").endsWith("' </dev/null >/dev/null 2>&1 &")
                .contains("while :; do dockerd --bip 10.250.0.1/24 >>/var/log/rmqfleet-dockerd.log 2>&1; sleep 2; done");
    }

    @Test
    void waitPollsOnTheHostWithADeadline() {
        assertThat(DockerInstallPlan.waitCommand(60)).contains("end=$(( $(date +%s) + 60 ))", "exit 3", "sleep 1");
    }
}
