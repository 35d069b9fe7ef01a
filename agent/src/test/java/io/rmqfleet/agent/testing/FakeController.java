package io.rmqfleet.agent.testing;

import io.rmqfleet.common.report.AgentApi;
import io.rmqfleet.common.report.AgentReport;
import io.rmqfleet.common.report.AgentReports;
import io.rmqfleet.common.report.InvalidReportException;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The controller's ingest endpoint as the agent sees it: a real HTTP server on loopback that checks the token,
 * parses every report with the strict wire validator and keeps what it accepted. It can be stopped and started
 * again on the same port.
 */
public final class FakeController implements AutoCloseable {
    private final Vertx vertx = Vertx.vertx();
    private final String token;
    private final List<AgentReport> accepted = new CopyOnWriteArrayList<>();
    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private final List<String> paths = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private int port;

    public FakeController(String token) {
        this.token = token;
    }

    public synchronized FakeController start() throws Exception {
        server = vertx.createHttpServer().requestHandler(this::handle);
        server.listen(port, "127.0.0.1").await(10, TimeUnit.SECONDS);
        port = server.actualPort();
        return this;
    }

    public synchronized void stop() throws Exception {
        server.close().await(10, TimeUnit.SECONDS);
        server = null;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public List<AgentReport> accepted() {
        return List.copyOf(accepted);
    }

    public List<String> refusals() {
        return List.copyOf(refusals);
    }

    public List<String> paths() {
        return List.copyOf(paths);
    }

    private void handle(HttpServerRequest request) {
        paths.add(request.method() + " " + request.path());
        if (!(AgentApi.BEARER_PREFIX + token).equals(request.getHeader(AgentApi.AUTHORIZATION))) {
            refusals.add("401");
            request.response().setStatusCode(401).end();
            return;
        }
        request.body().onSuccess(body -> {
            try {
                AgentReport report = AgentReports.parse(body.getBytes());
                if (!request.path().equals(AgentApi.reportsPath(report.host()))) {
                    throw new InvalidReportException("$.host", "does not match the path " + request.path());
                }
                accepted.add(report);
                request.response().setStatusCode(202).end();
            } catch (InvalidReportException e) {
                refusals.add(e.getMessage());
                request.response().setStatusCode(400).putHeader("Content-Type", "application/problem+json")
                        .end("{\"title\":\"invalid report\",\"status\":400,\"detail\":\"" + e.getMessage() + "\"}");
            }
        });
    }

    @Override
    public void close() throws Exception {
        vertx.close().await(10, TimeUnit.SECONDS);
    }
}
