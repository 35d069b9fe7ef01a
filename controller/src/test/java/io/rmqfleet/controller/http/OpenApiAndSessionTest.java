package io.rmqfleet.controller.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rmqfleet.controller.http.api.OpenApiEndpoint;
import io.rmqfleet.controller.http.auth.Sessions;
import io.rmqfleet.controller.http.auth.TokenDigest;
import io.rmqfleet.controller.http.config.ServeConfigParser;
import io.rmqfleet.controller.state.FleetState;
import io.rmqfleet.controller.state.layout.FleetLayout;
import io.rmqfleet.controller.state.liveness.LivenessPolicy;
import io.rmqfleet.controller.state.liveness.LivenessTracker;
import io.rmqfleet.controller.state.store.RetentionLimits;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OpenApiAndSessionTest {
    @TempDir
    Path dir;

    @Test
    void everyRouteOfTheRouterIsInTheOpenApiDocument() throws Exception {
        JsonNode doc;
        try (InputStream in = OpenApiEndpoint.class.getResourceAsStream(OpenApiEndpoint.RESOURCE)) {
            doc = new ObjectMapper().readTree(in);
        }
        assertThat(doc.get("openapi").asText()).startsWith("3.");
        Vertx vertx = Vertx.vertx();
        try {
            FleetService fleet = new FleetService(Clock.systemUTC(), new FleetState(new LivenessTracker(
                    new LivenessPolicy(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ZERO),
                    Clock.systemUTC().instant())), FleetLayout.empty(), null, null, new ControllerMetrics(),
                    RetentionLimits.defaults());
            Router router = ApiRouter.build(vertx, ServeConfigParser.defaults(dir), fleet, TokenDigest.of("x"),
                    Map.of(), new Sessions(Clock.systemUTC(), Duration.ofHours(1)), () -> true);
            List<String> missing = new ArrayList<>();
            int checked = 0;
            for (Route route : router.getRoutes()) {
                String path = route.getPath();
                if (path == null || route.methods() == null || route.methods().isEmpty()) {
                    continue;   // catch-all handlers (access log, admin guard, failure handler)
                }
                String openApiPath = path.replaceAll(":([A-Za-z_]+)", "{$1}");
                for (var method : route.methods()) {
                    checked++;
                    if (doc.path("paths").path(openApiPath).path(method.name().toLowerCase(Locale.ROOT)).isMissingNode()) {
                        missing.add(method + " " + openApiPath);
                    }
                }
            }
            assertThat(checked).isGreaterThanOrEqualTo(18);
            assertThat(missing).as("routes missing from openapi.json").isEmpty();
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get();
        }
    }

    @Test
    void dashboardLoginSetsAnHttpOnlyCookieThatOpensTheApiUntilLogout() {
        try (ServerFixture fx = new ServerFixture(dir).start()) {
            HttpResponse<String> page = fx.getWithoutToken("/");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<title>rmqfleet</title>").contains("/dashboard/app.js");
            assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
            assertThat(fx.getWithoutToken("/api/v1/openapi.json").statusCode()).isEqualTo(200);
            assertThat(fx.getWithoutToken("/healthz").statusCode()).isEqualTo(200);
            assertThat(fx.getWithoutToken("/readyz").statusCode()).isEqualTo(200);

            HttpResponse<String> wrong = login(fx, "{\"token\": \"nope-nope-nope\"}");
            assertThat(wrong.statusCode()).isEqualTo(401);
            assertThat(wrong.headers().firstValue("Set-Cookie")).isEmpty();

            HttpResponse<String> ok = login(fx, "{\"token\": \"" + ServerFixture.ADMIN_TOKEN + "\"}");
            assertThat(ok.statusCode()).isEqualTo(200);
            String setCookie = ok.headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(setCookie).startsWith(Sessions.COOKIE + "=").containsIgnoringCase("HttpOnly").contains("SameSite=Strict");
            assertThat(setCookie).doesNotContain(ServerFixture.ADMIN_TOKEN);
            String cookie = setCookie.substring(0, setCookie.indexOf(';'));

            assertThat(withCookie(fx, "/api/v1/hosts", cookie).statusCode()).isEqualTo(200);
            assertThat(withCookie(fx, "/api/v1/session", cookie).statusCode()).isEqualTo(200);
            fx.send(HttpRequest.newBuilder(URI.create(fx.base() + "/api/v1/session")).header("Cookie", cookie)
                    .DELETE());
            assertThat(withCookie(fx, "/api/v1/hosts", cookie).statusCode()).isEqualTo(401);
        }
    }

    static HttpResponse<String> login(ServerFixture fx, String body) {
        return fx.send(HttpRequest.newBuilder(URI.create(fx.base() + "/api/v1/session"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    static HttpResponse<String> withCookie(ServerFixture fx, String path, String cookie) {
        return fx.send(HttpRequest.newBuilder(URI.create(fx.base() + path)).header("Cookie", cookie).GET());
    }
}
