package io.rmqfleet.agent.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmqfleet.agent.net.BoundedHttp;
import io.rmqfleet.agent.testing.Resources;
import io.rmqfleet.common.report.ContainerState;
import io.rmqfleet.common.report.ContainerStatus;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DockerEngine} against a stand-in dockerd on a unix socket that answers with the captured fixtures:
 * the exact requests (read-only GETs, label filter), and what comes of odd answers.
 */
class DockerEngineTest {
    private static final String RESTARTING = "cb8cef59c57b2574cdfbf0456971c77a3d5db6507e28863ad3aeea88ec229084";
    private static final String HEALTHY = "777b52fb51eb1be5e713fcda90c3fa905095ba26c66fe37be64692153338fea6";

    @TempDir
    Path tmp;

    private Vertx vertx;
    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Consumer<HttpServerRequest>> overrides = new ConcurrentHashMap<>();
    private String socket;

    @BeforeEach
    void startFakeDockerd() throws Exception {
        vertx = Vertx.vertx();
        socket = tmp.resolve("docker.sock").toString();
        server = vertx.createHttpServer().requestHandler(this::answer);
        server.listen(SocketAddress.domainSocketAddress(socket)).await(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }

    private void answer(HttpServerRequest request) {
        requests.add(request.method() + " " + request.uri());
        Consumer<HttpServerRequest> override = overrides.get(request.path());
        if (override != null) {
            override.accept(request);
            return;
        }
        if (request.path().equals("/containers/json")) {
            request.response().putHeader("Content-Type", "application/json")
                    .end(io.vertx.core.buffer.Buffer.buffer(Resources.bytes("docker/containers-list.json")));
            return;
        }
        for (String name : List.of("healthy", "unhealthy", "exited", "created", "restarting", "paused")) {
            String id = Resources.json("docker/inspect-" + name + ".json").get("Id").asText();
            if (request.path().equals("/containers/" + id + "/json")) {
                request.response().putHeader("Content-Type", "application/json")
                        .end(io.vertx.core.buffer.Buffer.buffer(Resources.bytes("docker/inspect-" + name + ".json")));
                return;
            }
        }
        request.response().setStatusCode(404).end("{\"message\":\"No such container\"}");
    }

    private List<ContainerStatus> managed(Duration timeout) throws Exception {
        DockerEngine engine = new DockerEngine(new BoundedHttp(vertx, vertx.createHttpClient()), socket, timeout);
        return await(engine.managedContainers());
    }

    private static <T> T await(Future<T> future) throws Exception {
        try {
            return future.toCompletionStage().toCompletableFuture().get(20, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw (Exception) e.getCause();
        }
    }

    @Test
    void listsWithTheLabelFilterThenInspectsEachContainer() throws Exception {
        List<ContainerStatus> containers = managed(Duration.ofSeconds(5));

        assertThat(containers).extracting(ContainerStatus::name).containsExactly("agentfx-paused",
                "agentfx-restarting", "agentfx-created", "agentfx-exited", "agentfx-unhealthy", "agentfx-healthy");
        assertThat(containers).extracting(ContainerStatus::state).containsExactly(ContainerState.PAUSED,
                ContainerState.RESTARTING, ContainerState.CREATED, ContainerState.EXITED, ContainerState.RUNNING,
                ContainerState.RUNNING);
        assertThat(requests.get(0)).isEqualTo(
                "GET /containers/json?all=1&filters=%7B%22label%22%3A%5B%22rmqfleet.managed%3Dtrue%22%5D%7D");
        assertThat(requests).hasSize(7).allMatch(r -> r.startsWith("GET /containers/"));
    }

    @Test
    void aContainerRemovedBetweenListAndInspectIsLeftOut() throws Exception {
        overrides.put("/containers/" + RESTARTING + "/json",
                r -> r.response().setStatusCode(404).end("{\"message\":\"No such container\"}"));

        assertThat(managed(Duration.ofSeconds(5))).extracting(ContainerStatus::id)
                .hasSize(5).doesNotContain(RESTARTING);
    }

    @Test
    void anErrorAnswerFailsTheDockerSectionWithDockersMessage() {
        overrides.put("/containers/" + HEALTHY + "/json",
                r -> r.response().setStatusCode(500).end("{\"message\":\"boom\"}"));

        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> managed(Duration.ofSeconds(5)));
        assertThat(e).hasMessageContaining("HTTP 500").hasMessageContaining("boom");
    }

    @Test
    void aDockerdThatNeverAnswersTimesOut() {
        overrides.put("/containers/json", r -> { /* never answers */ });

        long start = System.nanoTime();
        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> managed(Duration.ofMillis(300)));

        assertThat(e).hasMessageContaining("cannot reach the Docker engine at " + socket)
                .hasMessageContaining("timeout");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void malformedJsonIsAnError() {
        overrides.put("/containers/json", r -> r.response().end("[{\"Id\": "));

        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> managed(Duration.ofSeconds(5)));
        assertThat(e).hasMessageContaining("malformed JSON");
    }

    @Test
    void noSocketIsAnError() throws Exception {
        server.close().await(5, TimeUnit.SECONDS);
        java.nio.file.Files.deleteIfExists(Path.of(socket));

        Exception e = org.junit.jupiter.api.Assertions.assertThrows(Exception.class,
                () -> managed(Duration.ofSeconds(5)));
        assertThat(e).hasMessageStartingWith("cannot reach the Docker engine at " + socket);
    }
}
