package io.rmqfleet.controller.module.docker;

import io.rmqfleet.controller.connection.Connection;
import io.rmqfleet.controller.connection.ExecResult;
import io.rmqfleet.controller.module.ModuleResult;
import io.rmqfleet.controller.module.testing.ModuleRunner;
import io.rmqfleet.controller.module.testing.TinyImage;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.rmqfleet.controller.module.testing.Convergence.assertConverges;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * docker_container's behaviour on a real Docker engine, reached through any {@link Connection}: the same scenarios
 * run on this machine's engine and on the test bed's hosts. Every container and volume is named with
 * {@code prefix} and removed by {@link #cleanUp()}.
 */
final class DockerContainerScenarios {
    private final Connection connection;
    private final ModuleRunner runner;
    private final String prefix;
    private final DockerContainerModule module = new DockerContainerModule();

    DockerContainerScenarios(Connection connection, String prefix) {
        this.connection = connection;
        this.runner = new ModuleRunner(connection, null, null);
        this.prefix = prefix;
        TinyImage.ensure(connection);
    }

    private Map<String, Object> args(String name, Map<String, Object> extra) {
        Map<String, Object> args = new HashMap<>();
        args.put("name", name);
        args.put("image", TinyImage.NAME);
        args.put("pull", "never");
        args.put("stop_timeout", 1); // sleep ignores SIGTERM: don't wait Docker's default 10 s for the kill
        args.putAll(extra);
        return args;
    }

    String docker(String command) {
        ExecResult r = connection.exec(command, Duration.ofMinutes(2));
        return r.exitCode() + " " + r.stdout().trim();
    }

    private String inspect(String name) {
        return docker("docker container inspect --format "
                + "'{{.Id}} {{.State.Running}} {{index .Config.Labels \"rmqfleet.spec-hash\"}} {{json .Config.Env}}' " + name);
    }

    void createIsIdempotentAndCheckModePredictsIt() {
        String name = prefix + "-create";
        Map<String, Object> args = args(name, Map.of("env", Map.of("ROLE", "namesrv"), "labels", Map.of("app", "rmq"),
                "volumes", List.of(prefix + "-data:/data"), "restart_policy", "unless-stopped"));
        ModuleResult first = assertConverges(runner, module, args, () -> inspect(name));
        assertThat(first.msg()).contains("created");
        assertThat(docker("docker container inspect --format '{{.State.Running}} {{index .Config.Labels \"rmqfleet.managed\"}} "
                + "{{.HostConfig.RestartPolicy.Name}} {{index .Config.Labels \"app\"}}' " + name))
                .isEqualTo("0 true true unless-stopped rmq");
        Map<?, ?> container = (Map<?, ?>) first.data().get("container");
        assertThat(docker("docker container inspect --format '{{index .Config.Labels \"rmqfleet.spec-hash\"}}' " + name))
                .isEqualTo("0 " + container.get("spec_hash"));
    }

    void changedEnvRecreatesAndShowsTheDiff() {
        String name = prefix + "-recreate";
        runner.apply(module, args(name, Map.of("env", Map.of("HEAP", "256m"))));
        String before = inspect(name);

        Map<String, Object> changed = args(name, Map.of("env", Map.of("HEAP", "512m")));
        ModuleResult predicted = runner.check(module, changed);
        assertThat(predicted.changed()).isTrue();
        assertThat(predicted.msg()).contains("spec changed");
        assertThat(inspect(name)).isEqualTo(before);

        ModuleResult r = runner.apply(module, changed);
        assertThat(r.changed()).isTrue();
        assertThat(r.data().get("actions")).isEqualTo(List.of("remove", "run"));
        String diff = r.diffs().get(0).unified();
        assertThat(diff).contains("-    \"HEAP\" : \"256m\"", "+    \"HEAP\" : \"512m\"");
        String after = inspect(name);
        assertThat(after.split(" ")[1]).as("new container id").isNotEqualTo(before.split(" ")[1]);
        assertThat(after.split(" ")[3]).as("new hash").isNotEqualTo(before.split(" ")[3]);
        assertThat(after).contains("HEAP=512m");
        assertThat(runner.apply(module, changed).changed()).isFalse();
    }

    void stopAndStartKeepTheContainer() {
        String name = prefix + "-stopstart";
        runner.apply(module, args(name, Map.of()));
        String id = docker("docker container inspect --format '{{.Id}}' " + name);

        Map<String, Object> stopped = args(name, Map.of("state", "stopped"));
        ModuleResult stop = assertConverges(runner, module, stopped, () -> inspect(name));
        assertThat(stop.data().get("actions")).isEqualTo(List.of("stop"));
        assertThat(docker("docker container inspect --format '{{.State.Running}}' " + name)).isEqualTo("0 false");

        ModuleResult start = assertConverges(runner, module, args(name, Map.of("state", "started")), () -> inspect(name));
        assertThat(start.data().get("actions")).isEqualTo(List.of("start"));
        assertThat(docker("docker container inspect --format '{{.Id}}' " + name)).isEqualTo(id);
    }

    void absentRemovesTheContainerButKeepsVolumes() {
        String name = prefix + "-absent";
        String volume = prefix + "-keep";
        runner.apply(module, args(name, Map.of("volumes", List.of(volume + ":/data"))));
        assertConverges(runner, module, Map.of("name", name, "state", "absent"), () -> inspect(name));
        assertThat(docker("docker container inspect " + name)).startsWith("1 ");
        assertThat(docker("docker volume inspect --format '{{.Name}}' " + volume)).isEqualTo("0 " + volume);
    }

    void unlabelledContainerIsRefusedUntilAdopted() {
        String name = prefix + "-foreign";
        assertThat(docker("docker create --name " + name + " --pull never " + TinyImage.NAME)).startsWith("0 ");
        String before = inspect(name);

        for (String state : List.of("started", "absent")) {
            ModuleResult refused = runner.apply(module, args(name, Map.of("state", state)));
            assertThat(refused.failed()).isTrue();
            assertThat(refused.msg().orElseThrow()).contains("exists but was not created by rmqfleet", "adopt: true");
            assertThat(runner.check(module, args(name, Map.of("state", state))).failed()).isTrue();
        }
        assertThat(inspect(name)).isEqualTo(before);

        ModuleResult adopted = runner.apply(module, args(name, Map.of("adopt", true)));
        assertThat(adopted.changed()).isTrue();
        assertThat(adopted.msg()).contains("adopted (was not created by rmqfleet)");
        assertThat(docker("docker container inspect --format '{{index .Config.Labels \"rmqfleet.managed\"}} {{.State.Running}}' "
                + name)).isEqualTo("0 true true");
        assertThat(runner.apply(module, args(name, Map.of("adopt", true))).changed()).isFalse();
    }

    void missingImageWithPullNeverFailsClearly() {
        ModuleResult r = runner.apply(module, Map.of("name", prefix + "-noimage", "image", "rmqfleet-it/none:0",
                "pull", "never"));
        assertThat(r.failed()).isTrue();
        assertThat(r.msg().orElseThrow()).contains("docker run of " + prefix + "-noimage failed");
    }

    void cleanUp() {
        connection.exec("docker ps -aq --filter name=^" + prefix + "- | xargs -r docker rm -f >/dev/null; "
                + "docker volume ls -q --filter name=^" + prefix + "- | xargs -r docker volume rm >/dev/null", Duration.ofMinutes(2));
    }
}
