package io.rmqfleet.controller.http;

import io.rmqfleet.controller.http.auth.Sessions;
import io.rmqfleet.controller.http.auth.TokenDigest;
import io.rmqfleet.controller.http.config.ServeConfig;
import io.vertx.core.Future;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The controller on one event loop: restores state, serves HTTP, and runs the timers (liveness ticks,
 * persistence, scheduled drift checks, retention). Stopping it writes the last changes before the database closes.
 */
final class ControllerVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(ControllerVerticle.class);
    private final ServeConfig config;
    private final FleetService fleet;
    private final TokenDigest adminToken;
    private final Map<String, TokenDigest> agentTokens;
    private final Sessions sessions;
    private final Collection<String> expectedHosts;
    private final List<Long> timers = new ArrayList<>();
    private volatile boolean ready;
    private HttpServer server;

    ControllerVerticle(ServeConfig config, FleetService fleet, TokenDigest adminToken,
                       Map<String, TokenDigest> agentTokens, Sessions sessions, Collection<String> expectedHosts) {
        this.config = config;
        this.fleet = fleet;
        this.adminToken = adminToken;
        this.agentTokens = agentTokens;
        this.sessions = sessions;
        this.expectedHosts = expectedHosts;
    }

    boolean ready() {
        return ready;
    }

    int port() {
        return server.actualPort();
    }

    @Override
    public Future<?> start() {
        return fleet.restore(expectedHosts).compose(v -> {
            server = vertx.createHttpServer(new HttpServerOptions()
                    .setHost(config.host()).setPort(config.port())
                    .setCompressionSupported(true)
                    .setIdleTimeout(120));
            return server.requestHandler(ApiRouter.build(vertx, config, fleet, adminToken, agentTokens, sessions,
                    this::ready)).listen();
        }).onSuccess(s -> {
            startTimers();
            fleet.recordStart(fleet.clock().instant());
            ready = true;
        });
    }

    private void startTimers() {
        Duration interval = config.liveness().interval();
        long tick = Math.max(100, Math.min(1000, interval.toMillis() / 4));
        timers.add(vertx.setPeriodic(tick, id -> fleet.tickLiveness()));
        timers.add(vertx.setPeriodic(config.persistInterval().toMillis(), id -> fleet.persist()));
        timers.add(vertx.setPeriodic(config.driftInterval().toMillis(), id -> fleet.checkDrift("schedule", false)
                .onFailure(e -> LOG.error("scheduled drift check failed: {}", e.getMessage()))));
        timers.add(vertx.setPeriodic(1000, config.pruneInterval().toMillis(), id -> fleet.prune()
                .onFailure(e -> LOG.error("retention prune failed: {}", e.getMessage()))));
    }

    @Override
    public Future<?> stop() {
        ready = false;
        timers.forEach(vertx::cancelTimer);
        Future<Void> closed = server == null ? Future.succeededFuture() : server.close();
        return closed.transform(ar -> fleet.flush());
    }
}
