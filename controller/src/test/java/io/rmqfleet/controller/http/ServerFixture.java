package io.rmqfleet.controller.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rmqfleet.common.report.AgentApi;
import io.rmqfleet.common.report.AgentReport;
import io.rmqfleet.common.report.AgentReports;
import io.rmqfleet.controller.http.config.ServeConfig;
import io.rmqfleet.controller.http.config.ServeConfigParser;
import io.rmqfleet.controller.state.liveness.LivenessPolicy;
import io.rmqfleet.controller.testing.ManualClock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * A real controller on 127.0.0.1 (random port) with a temporary database, token files and inventory, and an HTTP
 * client to talk to it. Restartable on the same database.
 */
public final class ServerFixture implements AutoCloseable {
    public static final String ADMIN_TOKEN = "admin-token-0123456789";
    public static final Instant T0 = Instant.parse("2026-11-25T12:00:00Z");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Path dir;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    public final ManualClock clock = new ManualClock(T0);
    private java.time.Clock serverClock = clock;
    private final Map<String, String> agentTokens = new LinkedHashMap<>();
    private ServeConfig config;
    private ControllerServer server;
    private DriftRemediator.Runner reapply;

    public ServerFixture(Path dir) {
        this.dir = dir;
    }

    public static String tokenOf(String host) {
        return "agent-token-" + host + "-abcdef";
    }

    /** Hosts that get tokens (before {@link #start}). */
    public ServerFixture agents(String... hosts) {
        for (String h : hosts) {
            agentTokens.put(h, tokenOf(h));
        }
        return this;
    }

    public ServerFixture inventory(String ini) {
        write("inventory.ini", ini);
        return this;
    }

    /** Writes the files and the configuration; {@code extraYaml} is appended to it. */
    public ServerFixture configure(String extraYaml) {
        write("admin.token", ADMIN_TOKEN + "\n");
        StringBuilder tokens = new StringBuilder();
        agentTokens.forEach((h, t) -> tokens.append(h).append(": ").append(t).append('\n'));
        write("agents.yml", tokens.toString());
        String yaml = """
                listen: {host: 127.0.0.1, port: 0}
                admin_token_file: admin.token
                agent_tokens_file: agents.yml
                database: db/state
                persist_interval: 50ms
                """ + (Files.exists(dir.resolve("inventory.ini")) ? "inventory: inventory.ini\n" : "") + extraYaml;
        write("serve.yml", yaml);
        config = ServeConfigParser.read(dir.resolve("serve.yml"));
        return this;
    }

    /** The server runs on the real clock instead of {@link #clock} (tests with real agents). */
    public ServerFixture systemClock() {
        serverClock = java.time.Clock.systemUTC();
        return this;
    }

    public ServerFixture liveness(Duration interval, Duration grace, Duration failover) {
        config = config.withLiveness(new LivenessPolicy(interval, grace, failover));
        return this;
    }

    /** The remediation runner the server gets (before {@link #start}); the config must name drift.playbook. */
    public ServerFixture reapply(DriftRemediator.Runner runner) {
        this.reapply = runner;
        return this;
    }

    public ServerFixture start() {
        if (config == null) {
            configure("");
        }
        server = ControllerServer.start(config, serverClock, reapply);
        return this;
    }

    public ServerFixture restart() {
        server.close();
        server = ControllerServer.start(config, serverClock, reapply);
        return this;
    }

    public ControllerServer server() {
        return server;
    }

    public Path dir() {
        return dir;
    }

    public String base() {
        return "http://127.0.0.1:" + server.port();
    }

    public HttpResponse<String> postReport(String pathHost, String token, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + AgentApi.reportsPath(pathHost)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b);
    }

    public HttpResponse<String> postReport(AgentReport report) {
        return postReport(report.host(), tokenOf(report.host()), AgentReports.toJson(report));
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Bearer " + ADMIN_TOKEN)
                .GET());
    }

    public HttpResponse<String> getWithoutToken(String path) {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).GET());
    }

    public HttpResponse<String> post(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(base() + path)).header("Authorization", "Bearer " + ADMIN_TOKEN)
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public JsonNode getJson(String path) {
        HttpResponse<String> r = get(path);
        if (r.statusCode() != 200) {
            throw new AssertionError("GET " + path + " answered " + r.statusCode() + ": " + r.body());
        }
        return json(r);
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return client.send(request.timeout(Duration.ofSeconds(20)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public static JsonNode json(HttpResponse<String> response) {
        try {
            return MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    private void write(String name, String content) {
        try {
            Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (server != null) {
            server.close();
        }
    }
}
