package io.rmqfleet.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.rmqfleet.controller.connection.Connection;
import io.rmqfleet.controller.connection.ExecResult;
import io.rmqfleet.controller.connection.LoginOptions;
import io.rmqfleet.controller.executor.ConnectionVars;
import io.rmqfleet.controller.executor.SshConnectionFactory;
import io.rmqfleet.controller.http.ControllerServer;
import io.rmqfleet.controller.http.config.ServeConfig;
import io.rmqfleet.controller.http.config.ServeConfigParser;
import io.rmqfleet.controller.inventory.Inventory;
import io.rmqfleet.controller.playbook.template.Templar;
import io.rmqfleet.controller.testing.BedDeployments;
import io.rmqfleet.controller.testing.Poll;
import io.rmqfleet.testbed.AnsibleInventory;
import io.rmqfleet.testbed.SharedTestBed;
import io.rmqfleet.testbed.TestBed;
import io.rmqfleet.testbed.TestHost;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The watched fleet end to end on 3 test hosts: the real cluster playbook (DemoLayout's RocketMQ layout plus the
 * agent play) deployed once for the class, agents reporting every 2 s to a real {@code serve} on the bed network's
 * gateway with {@code drift.fix: true}. A broker container removed inside its host is drift within 2 intervals and
 * the re-apply of that host restores it (same spec hash, registered again, drift cleared); the controller away
 * for 30 s marks nobody down and loses no report.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DriftFixIT {
    private static final Duration INTERVAL = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final String BROKER = "rmqbroker-broker-a-0";

    @TempDir
    static Path dir;
    static TestBed bed;
    static Path inventory;
    static ServeConfig config;
    static ControllerServer server;
    static String adminToken;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void deploy() throws Exception {
        bed = SharedTestBed.get(3);
        inventory = writeInventory();
        List<String> machines = bed.hosts().stream().map(TestHost::name).toList();
        Path tokens = AgentTokens.write(dir.resolve("agent-tokens.yml"), machines);
        String gateway = bed.subnet().gateway();
        int port = freePort(gateway);
        String url = "http://" + gateway + ":" + port;
        Path playbook = Path.of(System.getProperty("rmqfleet.repo.root", "..")).resolve("playbooks/rocketmq-cluster.yml")
                .toAbsolutePath().normalize();
        Files.writeString(dir.resolve("serve.yml"), """
                listen: {host: %s, port: %d}
                admin_token_file: admin.token
                agent_tokens_file: agent-tokens.yml
                inventory: inventory.yml
                database: db/state
                persist_interval: 200ms
                liveness: {interval: 2s, grace: 10s, failover_grace: 60s}
                drift:
                  interval: 2s
                  fix: true
                  playbook: %s
                  extra_vars: ["@agent-tokens.yml", "rmqfleet_controller_url=%s", "rmqfleet_agent_interval=2s"]
                  fix_cooldown: 20s
                """.formatted(gateway, port, playbook, url));
        config = ServeConfigParser.read(dir.resolve("serve.yml"));
        startServer();
        adminToken = Files.readString(config.adminTokenFile()).strip();

        Instant started = Instant.now();
        Path runJson = dir.resolve("deploy.jsonl");
        Run deploy = cli("apply", "-i", inventory.toString(), playbook.toString(), "-e", "@" + tokens,
                "-e", "rmqfleet_controller_url=" + url, "-e", "rmqfleet_agent_interval=2s",
                "--json", runJson.toString());
        System.out.println("DriftFixIT: cluster + agents deployed in " + Duration.between(started, Instant.now())
                .toSeconds() + " s");
        assertThat(deploy.code()).as(deploy.toString()).isZero();
        assertThat(deploy.out()).contains("TASK [agent : Agent container]").doesNotContain(
                Files.readString(tokens).lines().filter(l -> l.startsWith("  host1: ")).findFirst().orElseThrow()
                        .substring("  host1: ".length()));
        HttpResponse<String> recorded = send(HttpRequest.newBuilder(api("/api/v1/runs"))
                .header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofFile(runJson)));
        assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        // The bed is shared with the other integration tests: leave its hosts without a cluster on them.
        if (bed != null) {
            BedDeployments.removeAll(bed);
        }
    }

    @Test
    @Order(1)
    void agentsOnAllThreeHostsReportEveryInterval() throws Exception {
        Poll.until(Duration.ofMinutes(2), Duration.ofMillis(200), "all 3 agents alive", () -> bed.hosts().stream()
                .allMatch(h -> "alive".equals(host(h.name()).path("liveness").asText())));
        Map<String, Long> before = sequences();
        Instant t0 = Instant.now();
        Poll.until(INTERVAL.plusSeconds(3), Duration.ofMillis(200), "a new report from every host within one interval", () -> {
            Map<String, Long> now = sequences();
            return before.keySet().stream().allMatch(h -> now.get(h) > before.get(h));
        });
        System.out.println("DriftFixIT: every host reported again after "
                + Duration.between(t0, Instant.now()).toMillis() + " ms");
        for (TestHost h : bed.hosts()) {
            JsonNode containers = host(h.name()).path("containers");
            assertThat(names(containers)).as(h.name()).contains("rmqfleet-agent");
        }
        assertThat(names(host("host1").path("containers"))).contains("rmqnamesrv", BROKER);
    }

    @Test
    @Order(2)
    void aRemovedBrokerIsDriftWithinTwoIntervalsAndTheFixRestoresIt() throws Exception {
        Poll.until(Duration.ofMinutes(2), Duration.ofMillis(200), "a clean drift check", () -> drift().path("clean").asBoolean(false));
        JsonNode broker = container("host1", BROKER);
        String specHash = broker.path("spec_hash").asText();
        String oldId = broker.path("id").asText();
        assertThat(specHash).hasSize(64);

        assertThat(ssh("host1", "docker rm -f " + BROKER).exitCode()).isZero();
        Instant removed = Instant.now();
        Poll.until(INTERVAL.multipliedBy(2).plusSeconds(4), Duration.ofMillis(200), "the removed broker as drift", () ->
                findings(drift()).contains("host1/" + BROKER + "/missing"));
        System.out.println("DriftFixIT: drift seen " + Duration.between(removed, Instant.now()).toMillis()
                + " ms after the broker was removed");

        Poll.until(Duration.ofMinutes(6), Duration.ofMillis(200), "the re-apply of host1 to finish", () ->
                getJson("/api/v1/events?kind=remediation_finished&host=host1").path("total").asInt() > 0);
        JsonNode finished = getJson("/api/v1/events?kind=remediation_finished&host=host1").at("/items/0/data");
        assertThat(finished.path("exit_code").asInt()).as(finished.toString()).isZero();
        System.out.println("DriftFixIT: re-apply of host1 took " + finished.path("elapsed_ms").asLong() + " ms");
        String runId = finished.path("run_id").asText();
        JsonNode run = getJson("/api/v1/runs/" + runId);
        assertThat(run.toString()).contains("host1").doesNotContain("\"host2\"");
        assertThat(getJson("/api/v1/events?kind=remediation_started").path("total").asInt()).isEqualTo(1);

        Poll.until(Duration.ofMinutes(1), Duration.ofMillis(200), "the broker back in host1's report", () -> {
            JsonNode c = container("host1", BROKER);
            return c != null && "running".equals(c.path("state").asText());
        });
        JsonNode back = container("host1", BROKER);
        assertThat(back.path("spec_hash").asText()).isEqualTo(specHash);
        assertThat(back.path("id").asText()).isNotEqualTo(oldId);
        Poll.until(Duration.ofMinutes(1), Duration.ofMillis(200), "the drift to clear", () -> drift().path("clean").asBoolean(false));
        assertThat(getJson("/api/v1/events?kind=drift_resolved&host=host1").path("total").asInt()).isPositive();

        // registered again: both NameServers list broker-a's master at host1's address
        String address = bed.host("host1").address();
        for (String ns : List.of("host1", "host2")) {
            Poll.until(Duration.ofMinutes(3), Duration.ofMillis(200), "broker-a 0 registered at " + address + " with the NameServer on " + ns, () -> {
                ExecResult list = ssh(ns, "docker exec rmqnamesrv sh mqadmin clusterList -n 127.0.0.1:9876");
                return list.exitCode() == 0 && java.util.regex.Pattern.compile("(?m)\\sbroker-a\\s+0\\s+"
                        + java.util.regex.Pattern.quote(address + ":10911") + "\\s").matcher(list.stdout()).find();
            });
        }
    }

    @Test
    @Order(3)
    void theControllerAwayFor30sMarksNobodyDownAndLosesNoReport() throws Exception {
        Poll.until(Duration.ofMinutes(1), Duration.ofMillis(200), "all alive", () -> bed.hosts().stream()
                .allMatch(h -> "alive".equals(host(h.name()).path("liveness").asText())));
        Map<String, Long> before = sequences();
        server.close();
        Instant stopped = Instant.now();
        // the outage itself is the scenario: 30 s without a controller (15 reports per agent go to its buffer)
        Poll.until(Duration.ofSeconds(40), Duration.ofMillis(200), "30 s of controller downtime",
                () -> Duration.between(stopped, Instant.now()).toSeconds() >= 30);
        startServer();
        Instant restarted = Instant.now();
        long expectedAtLeast = Duration.between(stopped, restarted).toSeconds() / INTERVAL.toSeconds();

        Poll.until(Duration.ofSeconds(60), Duration.ofMillis(200), "the buffered reports to arrive", () -> {
            Map<String, Long> now = sequences();
            return before.keySet().stream().allMatch(h -> now.get(h) >= before.get(h) + expectedAtLeast);
        });
        // stay a while: the failover grace keeps everybody alive, the agents keep them alive after it
        Poll.until(Duration.ofSeconds(20), Duration.ofMillis(200), "10 s after the restart",
                () -> Duration.between(restarted, Instant.now()).toSeconds() >= 10);
        for (TestHost h : bed.hosts()) {
            assertThat(host(h.name()).path("liveness").asText()).as(h.name()).isEqualTo("alive");
        }
        JsonNode liveness = getJson("/api/v1/events?kind=liveness&limit=1000");
        for (JsonNode e : liveness.path("items")) {
            assertThat(e.at("/data/to").asText()).as(e.toString()).isNotEqualTo("down");
        }
        assertThat(getJson("/api/v1/events?kind=reports_missing").path("total").asInt())
                .as("sequence numbers continuous in the stored history").isZero();
    }

    // --- helpers

    static void startServer() {
        server = ControllerServer.start(config, Clock.systemUTC(),
                new PlaybookReapply(config.inventories(), config.driftFix()));
    }

    record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** DemoLayout's inventory for the bed's hosts, with their connection variables from the bed's inventory. */
    static Path writeInventory() throws IOException {
        JsonNode hosts = YAML.readTree(bed.inventory().toFile())
                .path("all").path("children").path(AnsibleInventory.GROUP).path("hosts");
        Map<String, Map<String, Object>> connections = new LinkedHashMap<>();
        for (TestHost h : bed.hosts()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> vars = YAML.convertValue(hosts.path(h.name()), Map.class);
            connections.put(h.name(), new LinkedHashMap<>(vars));
        }
        Path file = dir.resolve("inventory.yml");
        YAML.writeValue(file.toFile(), DemoLayout.inventory(connections));
        // the dashboard's login, as the demo keeps it: group_vars beside the inventory (also read by re-applies)
        Files.createDirectories(dir.resolve("group_vars"));
        Files.writeString(dir.resolve("group_vars/dashboard.yml"),
                "dashboard_username: admin\ndashboard_password: drift-fix-it-0123\n");
        return file;
    }

    static int freePort(String address) throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(address))) {
            return socket.getLocalPort();
        }
    }

    static ExecResult ssh(String host, String command) {
        Inventory inv = Inventory.loadSources(List.of(bed.inventory().toString()));
        SshConnectionFactory factory = new SshConnectionFactory(new ConnectionVars(inv::hostVars, new Templar()),
                LoginOptions.STRICT, Path.of(System.getProperty("user.home")));
        try (Connection c = factory.open(host)) {
            return c.exec(command, Duration.ofSeconds(90));
        }
    }

    static URI api(String path) {
        return URI.create(server.url().replaceAll("/$", "") + path);
    }

    static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.header("Authorization", "Bearer " + adminToken)
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError("request failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    static JsonNode getJson(String path) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(api(path)).GET());
        try {
            return r.statusCode() == 200 ? JSON.readTree(r.body()) : JSON.createObjectNode();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static JsonNode host(String name) {
        return getJson("/api/v1/hosts/" + name);
    }

    static JsonNode drift() {
        return getJson("/api/v1/drift");
    }

    static List<String> findings(JsonNode check) {
        List<String> out = new ArrayList<>();
        check.path("findings").forEach(f -> out.add(f.path("host").asText() + "/" + f.path("container").asText()
                + "/" + f.path("kind").asText()));
        return out;
    }

    static List<String> names(JsonNode containers) {
        List<String> out = new ArrayList<>();
        containers.forEach(c -> out.add(c.path("name").asText()));
        return out;
    }

    static JsonNode container(String host, String name) {
        for (JsonNode c : host(host).path("containers")) {
            if (name.equals(c.path("name").asText())) {
                return c;
            }
        }
        return null;
    }

    static Map<String, Long> sequences() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (TestHost h : bed.hosts()) {
            out.put(h.name(), host(h.name()).at("/last_report/sequence").asLong(-1));
        }
        return out;
    }

}
