package io.rmqfleet.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard play of playbooks/rocketmq-cluster.yml, run for real through {@code apply --check --diff --json}
 * on this machine ({@code ansible_connection: local}, nothing changes): the rendered docker_container spec of both
 * dashboard kinds (the official image cannot run here, so this is its test), the early failure without
 * credentials, and the password never reaching the console output or the JSON events.
 */
class DashboardRoleCheckModeTest {
    private static final Path PLAYBOOK = Path.of("..", "playbooks", "rocketmq-cluster.yml");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASSWORD = "s3cret-" + UUID.randomUUID().toString().substring(0, 8);

    @TempDir
    Path tmp;

    /** A unique container name, so probing this machine's Docker engine finds nothing of anybody's. */
    private final String container = "rmqfleet-test-dash-" + UUID.randomUUID().toString().substring(0, 8);

    private Path inventory(String dashboardVars) throws IOException {
        Path inv = tmp.resolve("inventory.yml");
        Files.writeString(inv, """
            all:
              vars:
                rocketmq_data_root: %s
                dashboard_container_name: %s
              children:
                namesrv:
                  hosts:
                    ns1: {ansible_host: 10.213.0.11}
                    ns2: {ansible_host: 10.213.0.12}
                dashboard:
                  hosts:
                    dash: {ansible_host: 10.213.0.13, ansible_connection: local}
                  vars: %s
            """.formatted(tmp.resolve("data"), container, dashboardVars));
        return inv;
    }

    private record Outcome(ApplyCommandTest.Run run, List<JsonNode> events) {
        String everything() {
            return run.out() + run.err() + events;
        }

        /** The "after" side of the docker_container diff: the spec the container would be created with. */
        JsonNode containerSpec() throws IOException {
            for (JsonNode e : events) {
                if (e.path("task").asText().startsWith("dashboard : Dashboard container") && e.has("diff")) {
                    String diff = e.get("diff").asText();
                    String after = diff.substring(diff.indexOf("+++ "));
                    StringBuilder json = new StringBuilder();
                    for (String line : after.lines().toList()) {
                        if (line.startsWith("+") && !line.startsWith("+++") && !line.startsWith("+state:")) {
                            json.append(line.substring(1)).append('\n');
                        }
                    }
                    return JSON.readTree(json.toString());
                }
            }
            throw new AssertionError("no diff of the dashboard container in " + events);
        }
    }

    private Outcome checkRun(Path inv, String... extra) throws IOException {
        Path events = tmp.resolve("events-" + UUID.randomUUID() + ".json");
        List<String> args = new ArrayList<>(List.of("apply", "-i", inv.toString(), PLAYBOOK.toString(), "--check",
            "--diff", "-vv", "--limit", "dash", "--tags", "dashboard", "--skip-tags", "dashboard_image", "--json", events.toString()));
        args.addAll(List.of(extra));
        ApplyCommandTest.Run run = ApplyCommandTest.run(args.toArray(String[]::new));
        List<JsonNode> parsed = new ArrayList<>();
        if (Files.exists(events)) {
            String text = Files.readString(events).strip();
            JsonNode root = text.startsWith("[") ? JSON.readTree(text) : null;
            if (root != null) {
                root.forEach(parsed::add);
            } else {
                for (String line : text.lines().filter(l -> !l.isBlank()).toList()) {
                    parsed.add(JSON.readTree(line));
                }
            }
        }
        return new Outcome(run, parsed);
    }

    @Test
    void consoleKindRendersTheConsoleWiredToEveryNameServerWithTheUsersFileReadOnly() throws IOException {
        Outcome o = checkRun(inventory("{dashboard_username: admin, dashboard_password: " + PASSWORD + "}"));

        assertThat(o.run().code()).as(o.run().out() + o.run().err()).isZero();
        JsonNode spec = o.containerSpec();
        assertThat(spec.path("name").asText()).isEqualTo(container);
        assertThat(spec.path("image").asText()).isEqualTo("rmqfleet/console:latest");
        // The image's entry point is `rmqfleet console`: the command holds only its arguments.
        assertThat(JSON.convertValue(spec.path("command"), List.class)).containsExactly(
            "--namesrv", "10.213.0.11:9876;10.213.0.12:9876", "--listen", "0.0.0.0:8080",
            "--users-file", "/etc/rmqfleet/users.properties");
        assertThat(spec.path("ports").toString()).isEqualTo("[\"8080:8080\"]");
        assertThat(spec.path("volumes").toString()).isEqualTo(
            "[\"" + tmp.resolve("data") + "/dashboard/users.properties:/etc/rmqfleet/users.properties:ro\"]");
        assertThat(spec.path("restart_policy").asText()).isEqualTo("always");
        assertThat(spec.path("labels").path("rmqfleet.role").asText()).isEqualTo("dashboard");
        assertThat(spec.path("labels").path("rmqfleet.dashboard-kind").asText()).isEqualTo("console");
        assertThat(spec.has("env")).isFalse();
        assertThat(o.run().out()).containsPattern("dash +: ok=\\d+ +changed=3 +unreachable=0 +failed=0");
        assertThat(o.everything()).doesNotContain(PASSWORD);
        assertThat(tmp.resolve("data")).as("check mode writes nothing").doesNotExist();
    }

    @Test
    void officialKindPassesNameServersLoginAndDataPathInJavaOptsAndMountsTheUsersFileThere() throws IOException {
        Outcome o = checkRun(inventory("{dashboard_kind: official, dashboard_port: 8088, dashboard_username: ops,"
            + " dashboard_password: " + PASSWORD + "}"));

        assertThat(o.run().code()).as(o.run().out() + o.run().err()).isZero();
        JsonNode spec = o.containerSpec();
        assertThat(spec.path("image").asText()).isEqualTo("apacherocketmq/rocketmq-dashboard:2.0.0");
        assertThat(spec.has("command")).as("the image's own entry point").isFalse();
        assertThat(spec.path("env").path("JAVA_OPTS").asText()).isEqualTo(
            "-Drocketmq.namesrv.addr=10.213.0.11:9876;10.213.0.12:9876 -Drocketmq.config.loginRequired=true"
                + " -Drocketmq.config.dataPath=/tmp/rocketmq-console/data");
        assertThat(spec.path("ports").toString()).isEqualTo("[\"8088:8080\"]");
        assertThat(spec.path("volumes").toString()).isEqualTo("[\"" + tmp.resolve("data")
            + "/dashboard/users.properties:/tmp/rocketmq-console/data/users.properties:ro\"]");
        assertThat(spec.path("restart_policy").asText()).isEqualTo("always");
        assertThat(spec.path("labels").path("rmqfleet.dashboard-kind").asText()).isEqualTo("official");
        assertThat(o.everything()).doesNotContain(PASSWORD);
        // the users file task ran, censored
        assertThat(o.run().out()).contains("TASK [dashboard : Dashboard users file]")
            .contains("'no_log: true' was specified");
    }

    @Test
    void loginOffMountsNothingAndNeedsNoCredentials() throws IOException {
        Outcome o = checkRun(inventory("{dashboard_kind: official, dashboard_login: false}"));

        assertThat(o.run().code()).as(o.run().out() + o.run().err()).isZero();
        JsonNode spec = o.containerSpec();
        assertThat(spec.has("volumes")).isFalse();
        assertThat(spec.path("env").path("JAVA_OPTS").asText()).contains("-Drocketmq.config.loginRequired=false");
    }

    @Test
    void missingPasswordFailsBeforeAnythingIsDeployed() throws IOException {
        Outcome o = checkRun(inventory("{dashboard_username: admin}"));

        // apply's layout check (ClusterLayoutGate) refuses half a login before any play starts
        assertThat(o.run().code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(o.run().err()).contains("set both dashboard_username and dashboard_password");
        assertThat(o.run().out()).doesNotContain("PLAY [");
    }

    @Test
    void aCommaInThePasswordIsRefusedWithoutShowingIt() throws IOException {
        Outcome o = checkRun(inventory("{dashboard_username: admin, dashboard_password: 'ab,cd" + PASSWORD + "'}"));

        assertThat(o.run().code()).isEqualTo(ExitCodes.HOST_FAILED);
        assertThat(o.run().out()).contains("must not contain a comma");
        assertThat(o.everything()).doesNotContain(PASSWORD);
    }

    @Test
    void officialShippedWithoutTarballIsRefused() throws IOException {
        Outcome o = checkRun(inventory("{dashboard_kind: official, dashboard_image_source: ship,"
            + " dashboard_username: admin, dashboard_password: " + PASSWORD + "}"));

        assertThat(o.run().code()).isEqualTo(ExitCodes.HOST_FAILED);
        assertThat(o.run().out()).contains("needs dashboard_image_tarball");
    }
}
