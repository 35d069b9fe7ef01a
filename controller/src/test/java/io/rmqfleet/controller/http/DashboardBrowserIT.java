package io.rmqfleet.controller.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rmqfleet.common.report.ContainerState;
import io.rmqfleet.controller.testing.Poll;
import io.rmqfleet.controller.testing.TestReports;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in a real headless browser (Debian's chromium, driven over the DevTools protocol with the JDK's
 * WebSocket client): log in with the admin token, see the hosts and the cluster topology, see a stopped broker
 * turn red. Saves a screenshot to controller/target/dashboard.png.
 */
class DashboardBrowserIT {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;
    ServerFixture fx;
    Process browser;
    WebSocket page;
    final Map<Integer, CompletableFuture<JsonNode>> replies = new ConcurrentHashMap<>();
    final AtomicInteger ids = new AtomicInteger();

    @AfterEach
    void stop() throws Exception {
        if (page != null) {
            page.abort();
        }
        if (browser != null) {
            browser.destroy();
            if (!browser.waitFor(10, TimeUnit.SECONDS)) {
                browser.destroyForcibly();
            }
        }
        if (fx != null) {
            fx.close();
        }
    }

    @Test
    void logInSeeHostsTopologyAndAStoppedBrokerInRed() throws Exception {
        assertThat(CHROMIUM).as("Debian's chromium (apt-get install chromium; bin/test installs it)").isExecutable();
        fx = new ServerFixture(dir).agents("ns1", "b1", "b2").inventory(DriftAndTopologyApiTest.INVENTORY)
                .configure("").start();
        fx.postReport(TestReports.report("ns1", 1, ServerFixture.T0, "rmqnamesrv", "rmqfleet-agent"));
        fx.postReport(TestReports.report("b1", 1, ServerFixture.T0, "rmqbroker-broker-a-0", "rmqfleet-agent"));
        fx.postReport(TestReports.report("b2", 1, ServerFixture.T0, "rmqbroker-broker-a-1", "rmqfleet-agent"));

        openBrowser();
        navigate(fx.base() + "/");
        awaitTrue("the login form", "!document.querySelector('#login').hidden");
        assertThat(eval("document.querySelector('#app').hidden").asBoolean()).isTrue();

        eval("document.querySelector('#token').value = 'wrong-token-123'; "
                + "document.querySelector('#login-form').requestSubmit(); true");
        awaitTrue("the wrong-token message", "document.querySelector('#login-error').textContent === 'Wrong token.'");

        eval("document.querySelector('#token').value = '" + ServerFixture.ADMIN_TOKEN + "'; "
                + "document.querySelector('#login-form').requestSubmit(); true");
        awaitTrue("three hosts", "document.querySelectorAll('#hosts tbody tr').length === 3");
        assertThat(eval("[...document.querySelectorAll('#hosts tbody tr')].map(r => r.dataset.host + ':'"
                + " + r.dataset.liveness).join(',')").asText()).isEqualTo("b1:alive,b2:alive,ns1:alive");
        awaitTrue("the master up", "document.querySelector('[data-node=\"rmqbroker-broker-a-0\"]')"
                + "?.dataset.status === 'up'");
        assertThat(eval("document.querySelector('#namesrv-addr').textContent").asText()).isEqualTo("10.213.0.11:9876");
        assertThat(eval("document.cookie").asText()).as("the session cookie is HttpOnly").isEmpty();

        // The master's broker container stops: the page turns it red by itself (polling).
        fx.postReport(TestReports.report("b1", 2, ServerFixture.T0, List.of(
                TestReports.container("rmqbroker-broker-a-0", ContainerState.EXITED),
                TestReports.container("rmqfleet-agent", ContainerState.RUNNING)), List.of()));
        awaitTrue("the master down", "document.querySelector('[data-node=\"rmqbroker-broker-a-0\"]')"
                + "?.dataset.status === 'down'");
        assertThat(eval("getComputedStyle(document.querySelector('[data-node=\"rmqbroker-broker-a-0\"] .badge'))"
                + ".backgroundColor").asText()).isEqualTo("rgb(207, 34, 46)");
        eval("document.querySelector('#check-drift').click(); true");
        awaitTrue("the drift row", "document.querySelector('#drift tbody tr[data-kind=\"stopped\"]') !== null");

        JsonNode shot = call("Page.captureScreenshot", MAPPER.createObjectNode().put("format", "png"));
        Path png = Path.of("target", "dashboard.png");
        Files.write(png, Base64.getDecoder().decode(shot.get("data").asText()));
    }

    void openBrowser() throws Exception {
        Path profile = dir.resolve("chromium-profile");
        browser = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1400,1000", "--user-data-dir=" + profile,
                "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "about:blank")
                .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
        Path portFile = profile.resolve("DevToolsActivePort");
        Poll.until(Duration.ofSeconds(60), "chromium's DevTools port", () -> Files.exists(portFile)
                && readLines(portFile).size() >= 2);
        int port = Integer.parseInt(readLines(portFile).get(0).trim());
        HttpClient http = HttpClient.newHttpClient();
        String list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        String wsUrl = null;
        for (JsonNode target : MAPPER.readTree(list)) {
            if (target.get("type").asText().equals("page")) {
                wsUrl = target.get("webSocketDebuggerUrl").asText();
            }
        }
        assertThat(wsUrl).as("a page target in " + list).isNotNull();
        page = http.newWebSocketBuilder().buildAsync(URI.create(wsUrl), new Listener()).get(30, TimeUnit.SECONDS);
    }

    static List<String> readLines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    void navigate(String url) throws Exception {
        call("Page.navigate", MAPPER.createObjectNode().put("url", url));
    }

    JsonNode eval(String expression) throws Exception {
        JsonNode result = call("Runtime.evaluate", MAPPER.createObjectNode().put("expression", expression)
                .put("returnByValue", true));
        if (result.has("exceptionDetails")) {
            throw new AssertionError("page error: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    void awaitTrue(String what, String expression) {
        Poll.until(Duration.ofSeconds(30), what, () -> {
            try {
                return eval(expression).asBoolean(false);
            } catch (Exception | AssertionError e) {
                return false;   // the page may still be loading or navigating
            }
        });
    }

    JsonNode call(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        replies.put(id, reply);
        ObjectNode message = MAPPER.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        page.sendText(MAPPER.writeValueAsString(message), true).get(10, TimeUnit.SECONDS);
        JsonNode answer = reply.get(30, TimeUnit.SECONDS);
        if (answer.has("error")) {
            throw new AssertionError(method + " failed: " + answer.get("error"));
        }
        return answer.path("result");
    }

    /** Collects DevTools messages and completes the call each answer belongs to. */
    final class Listener implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    JsonNode message = MAPPER.readTree(partial.toString());
                    if (message.has("id")) {
                        CompletableFuture<JsonNode> reply = replies.remove(message.get("id").asInt());
                        if (reply != null) {
                            reply.complete(message);
                        }
                    }
                } catch (java.io.IOException e) {
                    // not JSON: ignore
                }
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }
    }
}
