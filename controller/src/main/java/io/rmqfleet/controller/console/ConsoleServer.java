package io.rmqfleet.controller.console;

import io.rmqfleet.controller.http.auth.Sessions;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.HttpServer;
import io.vertx.ext.web.Router;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * rmqfleet's RocketMQ console: the read views over HTTP on one Vert.x server, the admin client, the login.
 * {@code rmqfleet console} and the tests start it; see docs/console.md.
 */
public final class ConsoleServer implements AutoCloseable {
    static final String WORKER_POOL = "rmqfleet-console-admin";
    private static final Duration SESSION_LIFETIME = Duration.ofHours(12);
    // Every API path of the official dashboard's AuthInterceptor that this console serves.
    private static final String[] GUARDED = {"/cluster/*", "/topic/*", "/consumer/*", "/message/*"};
    private final Vertx vertx;
    private final HttpServer server;
    private final ConsoleAdmin admin;
    private final boolean loginRequired;
    private boolean closed;

    private ConsoleServer(Vertx vertx, HttpServer server, ConsoleAdmin admin, boolean loginRequired) {
        this.vertx = vertx;
        this.server = server;
        this.admin = admin;
        this.loginRequired = loginRequired;
    }

    /** Starts on a real cluster; the users file is read first so a bad one fails before anything listens. */
    public static ConsoleServer start(ConsoleOptions options, Clock clock) throws Exception {
        UsersFile users = options.usersFile() == null ? null : UsersFile.read(options.usersFile());
        ConsoleAdmin admin = RocketMqConsoleAdmin.start(options.namesrvAddr(), options.callTimeout());
        try {
            return start(options, users, admin, clock);
        } catch (Exception e) {
            admin.close();
            throw e;
        }
    }

    /** Starts on any admin (the tests give a fake one). The server owns the admin from here on. */
    static ConsoleServer start(ConsoleOptions options, UsersFile users, ConsoleAdmin admin, Clock clock)
        throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            WorkerExecutor workers = vertx.createSharedWorkerExecutor(WORKER_POOL, 4);
            ConsoleLogin login = new ConsoleLogin(users, new Sessions(clock, SESSION_LIFETIME));
            Router router = Router.router(vertx);
            for (String path : GUARDED) {
                router.route(path).handler(login::guard);
            }
            login.addRoutes(router);
            new ConsoleRoutes(new ConsoleQueries(admin), workers).addRoutes(router);
            String page = page();
            router.get("/").handler(ctx -> ctx.response().putHeader("Content-Type", "text/html;charset=UTF-8")
                .putHeader("Cache-Control", "no-store").end(page));
            HttpServer server = vertx.createHttpServer().requestHandler(router)
                .listen(options.port(), options.host()).toCompletionStage().toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
            return new ConsoleServer(vertx, server, admin, users != null);
        } catch (Exception e) {
            vertx.close();
            throw e;
        }
    }

    private static String page() {
        try (InputStream in = ConsoleServer.class.getResourceAsStream("index.html")) {
            if (in == null) {
                throw new IllegalStateException("index.html missing from the jar");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.actualPort();
    }

    public boolean loginRequired() {
        return loginRequired;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            // Shutting down anyway.
        } finally {
            admin.close();
        }
    }
}
