package io.rmqfleet.controller.http;

import io.rmqfleet.controller.http.auth.Sessions;
import io.rmqfleet.controller.http.auth.TokenDigest;
import io.rmqfleet.controller.http.auth.TokenFiles;
import io.rmqfleet.controller.http.config.ServeConfig;
import io.rmqfleet.controller.inventory.Inventory;
import io.rmqfleet.controller.state.FleetState;
import io.rmqfleet.controller.state.layout.FleetLayout;
import io.rmqfleet.controller.state.layout.FleetLayoutReader;
import io.rmqfleet.controller.state.liveness.LivenessTracker;
import io.rmqfleet.controller.state.store.Database;
import io.rmqfleet.controller.state.store.DriftStore;
import io.rmqfleet.controller.state.store.EventStore;
import io.rmqfleet.controller.state.store.HostStore;
import io.rmqfleet.controller.state.store.Retention;
import io.rmqfleet.controller.state.store.RunStore;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Starts and stops the whole controller server: tokens, inventory, database, Vert.x, the verticle. Used by
 * {@code rmqfleet serve}, the tests and the benchmark.
 */
public final class ControllerServer implements AutoCloseable {
    private static final Duration SESSION_LIFETIME = Duration.ofHours(12);
    private final Vertx vertx;
    private final Database database;
    private final DatabaseExecutor dbExecutor;
    private final ControllerVerticle verticle;
    private final FleetService fleet;
    private final ServeConfig config;
    private final boolean adminTokenGenerated;
    private final String deployment;
    private boolean closed;

    private ControllerServer(Vertx vertx, Database database, DatabaseExecutor dbExecutor, ControllerVerticle verticle,
                             FleetService fleet, ServeConfig config, boolean adminTokenGenerated, String deployment) {
        this.vertx = vertx;
        this.database = database;
        this.dbExecutor = dbExecutor;
        this.verticle = verticle;
        this.fleet = fleet;
        this.config = config;
        this.adminTokenGenerated = adminTokenGenerated;
        this.deployment = deployment;
    }

    /** Starts everything and returns when the server listens (or throws why it cannot). */
    public static ControllerServer start(ServeConfig config, Clock clock) {
        return start(config, clock, null);
    }

    /**
     * Starts everything with {@code reapply} as the remediation runner ({@code drift.fix}, {@code {"fix": true}});
     * null: never remediate.
     */
    public static ControllerServer start(ServeConfig config, Clock clock, DriftRemediator.Runner reapply) {
        TokenFiles.AdminToken admin = TokenFiles.adminToken(config.adminTokenFile());
        Map<String, TokenDigest> agentTokens = TokenFiles.agentTokens(config.agentTokensFile());
        FleetLayout layout = config.inventories().isEmpty() ? FleetLayout.empty()
                : FleetLayoutReader.read(Inventory.loadSources(config.inventories()));
        Set<String> expected = new LinkedHashSet<>(layout.hosts());
        expected.addAll(agentTokens.keySet());

        Database database = Database.open(config.database());
        Vertx vertx = Vertx.vertx();
        DatabaseExecutor db = new DatabaseExecutor(vertx);
        FleetService.Stores stores = new FleetService.Stores(new HostStore(database), new EventStore(database),
                new RunStore(database), new DriftStore(database), new Retention(database));
        FleetState state = new FleetState(new LivenessTracker(config.liveness(), clock.instant()));
        FleetService fleet = new FleetService(clock, state, layout, stores, db, new ControllerMetrics(),
                config.retention());
        if (reapply != null && config.driftFix().possible()) {
            fleet.attachRemediator(new DriftRemediator(vertx, fleet, config.driftFix(), reapply));
        }
        ControllerVerticle verticle = new ControllerVerticle(config, fleet, admin.digest(), agentTokens,
                new Sessions(clock, SESSION_LIFETIME), expected);
        try {
            String id = vertx.deployVerticle(verticle).toCompletionStage().toCompletableFuture()
                    .get(60, TimeUnit.SECONDS);
            return new ControllerServer(vertx, database, db, verticle, fleet, config, admin.generated(), id);
        } catch (ExecutionException | InterruptedException | TimeoutException e) {
            vertx.close();
            database.close();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("cannot start the controller on " + config.host() + ":" + config.port()
                    + ": " + (cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage()),
                    cause);
        }
    }

    public int port() {
        return verticle.port();
    }

    public String url() {
        String host = config.host().contains(":") ? "[" + config.host() + "]" : config.host();
        return "http://" + host + ":" + port() + "/";
    }

    public boolean adminTokenGenerated() {
        return adminTokenGenerated;
    }

    public ServeConfig config() {
        return config;
    }

    /** For tests and the benchmark: the service behind the endpoints (touch it only on its event loop). */
    FleetService fleet() {
        return fleet;
    }

    /** Stops serving, writes the last changes, closes the database. Safe to call twice. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            vertx.undeploy(deployment).toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            // Still close the database below: what was written stays.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            try {
                if (fleet.remediator() != null) {
                    // a re-apply in progress is not waited for: its SSH work ends with the process
                    fleet.remediator().close();
                }
                dbExecutor.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
                vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // Shutting down anyway.
            }
            database.close();
        }
    }
}
