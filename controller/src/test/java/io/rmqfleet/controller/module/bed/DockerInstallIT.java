package io.rmqfleet.controller.module.bed;

import io.rmqfleet.controller.connection.ExecResult;
import io.rmqfleet.controller.connection.SshConnection;
import io.rmqfleet.controller.module.ModuleResult;
import io.rmqfleet.controller.module.docker.DockerContainerModule;
import io.rmqfleet.controller.module.docker.DockerImageModule;
import io.rmqfleet.controller.module.docker.DockerInstallModule;
import io.rmqfleet.controller.module.testing.ModuleRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.rmqfleet.controller.module.testing.Convergence.assertConverges;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker_install on hosts that need it: one with Docker installed but no daemon running (start only), and one
 * without Docker at all on a NAT network that reaches the Debian mirror (apt install, then start).
 */
class DockerInstallIT {
    private static final String PREFIX = "rmqfleet-modules-install-" + ProcessHandle.current().pid();
    private static final Map<String, Object> ARGS = Map.of("dockerd_args", List.of("--bip", "10.250.0.1/24"),
            "timeout", 90);
    private static String net;

    @BeforeAll
    static void network() {
        net = ExtraHost.natNetwork(PREFIX);
    }

    @AfterAll
    static void removeNetwork() {
        ExtraHost.removeNetwork(PREFIX);
    }

    @Test
    void startsAnInstalledDaemonAndSupervisesIt() throws IOException {
        try (ExtraHost host = ExtraHost.start(PREFIX + "-stopped", PREFIX, net + ".10", "rmqfleet/testhost:latest",
                Map.of("RMQFLEET_DOCKERD", "0"));
             SshConnection ssh = host.connect()) {
            ModuleRunner runner = new ModuleRunner(ssh, null, null);
            ModuleResult first = assertConverges(runner, new DockerInstallModule(), ARGS, () -> daemon(ssh));
            assertThat(first.msg().orElseThrow()).isEqualTo("start (supervised)");
            assertThat((String) first.data().get("docker_version")).isNotBlank();

            // supervised: a dockerd that dies comes back without anyone running the module again
            exec(ssh, "kill $(pidof dockerd)");
            ExecResult back = exec(ssh, "end=$(( $(date +%s) + 60 )); until docker version --format '{{.Server.Version}}' "
                    + ">/dev/null 2>&1; do [ $(date +%s) -ge $end ] && exit 1; sleep 1; done");
            assertThat(back.exitCode()).as("dockerd restarted by its supervisor").isZero();
            assertThat(runner.apply(new DockerInstallModule(), ARGS).changed()).isFalse();
        }
    }

    @Test
    void installsDockerFromTheDebianMirror() throws IOException {
        try (ExtraHost host = ExtraHost.start(PREFIX + "-bare", PREFIX, net + ".11", "rmqfleet/testhost-nodocker:latest",
                Map.of());
             SshConnection ssh = host.connect()) {
            assertThat(exec(ssh, "command -v docker dockerd").exitCode()).isNotZero();
            ModuleRunner runner = new ModuleRunner(ssh, null, null);

            // a drift check before anything is installed: the docker modules predict instead of failing
            assertThat(runner.check(new DockerImageModule(null), Map.of("name", "rmqfleet/rocketmq:5.3.3",
                    "source", "pull")).changed()).isTrue();
            ModuleResult container = runner.check(new DockerContainerModule(),
                    Map.of("name", "rmqnamesrv", "image", "rmqfleet/rocketmq:5.3.3"));
            assertThat(container.changed()).as("%s", container.data()).isTrue();
            assertThat(runner.apply(new DockerContainerModule(),
                    Map.of("name", "rmqnamesrv", "image", "rmqfleet/rocketmq:5.3.3")).failed()).isTrue();

            ModuleResult first = assertConverges(runner, new DockerInstallModule(), ARGS, () -> daemon(ssh));
            assertThat(first.msg().orElseThrow()).isEqualTo("install, start (supervised)");
            assertThat(exec(ssh, "docker version --format '{{.Server.Version}}'").stdout()).isNotBlank();
        }
    }

    private static String daemon(SshConnection ssh) {
        ExecResult r = exec(ssh, "command -v dockerd; docker version --format '{{.Server.Version}}'");
        return r.exitCode() + " " + r.stdout().strip();
    }

    private static ExecResult exec(SshConnection ssh, String command) {
        return ssh.exec(command, Duration.ofMinutes(5));
    }
}
