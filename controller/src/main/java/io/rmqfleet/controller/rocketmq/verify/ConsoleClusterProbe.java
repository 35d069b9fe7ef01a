package io.rmqfleet.controller.rocketmq.verify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rmqfleet.controller.rocketmq.ClusterLayout;
import io.rmqfleet.controller.rocketmq.DashboardLogin;
import io.rmqfleet.controller.rocketmq.DashboardNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The dashboard answers its cluster API and lists the brokers: logs in when the inventory gives
 * {@code dashboard_username}/{@code dashboard_password} ({@code POST /login/login.do}, the session cookie kept),
 * then asks {@code GET /cluster/list.query} and checks every broker of the layout is listed at its address
 * ({@link ClusterListCheck}). Works against rmqfleet's console and the official rocketmq-dashboard. The password
 * is sent only in the login request and never appears in a result.
 */
public final class ConsoleClusterProbe implements DashboardProbe {
    static final String NAME = "dashboard.cluster-api";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public CheckResult check(DashboardNode dashboard, ClusterLayout layout, Duration timeout) {
        String target = dashboard.host() + " " + dashboard.url() + "cluster/list.query";
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).build();
        Optional<DashboardLogin> login = dashboard.credentials();
        try {
            String loginProblem = login.isPresent() ? login(client, dashboard, login.get(), timeout) : null;
            HttpRequest request = HttpRequest.newBuilder(URI.create(dashboard.url() + "cluster/list.query"))
                .timeout(timeout).header("Accept", "application/json").GET().build();
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            Verdict verdict = judge(response.statusCode(), response.body(), layout, login.isPresent(), loginProblem);
            return verdict.passed() ? CheckResult.pass(NAME, target, verdict.detail())
                : CheckResult.fail(NAME, target, mask(verdict.detail(), login));
        } catch (IOException e) {
            return CheckResult.fail(NAME, target, mask(Reasons.describe(e), login));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CheckResult.fail(NAME, target, "interrupted");
        }
    }

    /** Logs in; returns null on success, else why not (the session cookie stays in the client). */
    private static String login(HttpClient client, DashboardNode dashboard, DashboardLogin login, Duration timeout)
        throws IOException, InterruptedException {
        String form = "username=" + URLEncoder.encode(login.username(), StandardCharsets.UTF_8)
            + "&password=" + URLEncoder.encode(login.password(), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(dashboard.url() + "login/login.do")).timeout(timeout)
            .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            return "login answered HTTP " + response.statusCode();
        }
        JsonNode body = parse(response.body());
        if (body == null) {
            return "login answered no JSON";
        }
        if (body.path("status").asInt(-1) != 0) {
            return "login as " + login.username() + " rejected: " + body.path("errMsg").asText("status " + body.path("status"));
        }
        return null;
    }

    /** The outcome of the check and what it means for a person. */
    record Verdict(boolean passed, String detail) {
        static Verdict fail(String detail) {
            return new Verdict(false, detail);
        }
    }

    /** Judges the cluster API's answer. Pure. */
    static Verdict judge(int status, String body, ClusterLayout layout, boolean loggedIn, String loginProblem) {
        if (status == 302 || status == 401 || status == 403) {
            String why = !loggedIn ? "set dashboard_username and dashboard_password in the inventory"
                : loginProblem != null ? loginProblem : "the session was not accepted";
            return Verdict.fail("the dashboard requires a login (HTTP " + status + "): " + why);
        }
        if (status != 200) {
            return Verdict.fail("HTTP " + status + " from the cluster API");
        }
        JsonNode answer = parse(body);
        if (answer == null) {
            return Verdict.fail("the cluster API answered no JSON (is this a RocketMQ dashboard?)");
        }
        List<String> problems = ClusterListCheck.problems(answer, layout.brokers());
        if (!problems.isEmpty()) {
            return Verdict.fail(String.join("; ", problems));
        }
        return new Verdict(true, "lists all " + layout.brokers().size() + " broker(s) at their addresses");
    }

    private static JsonNode parse(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /** Belt and braces: whatever a server echoes, the password never reaches the report. */
    private static String mask(String detail, Optional<DashboardLogin> login) {
        if (login.isEmpty() || login.get().password().isEmpty()) {
            return detail;
        }
        return detail.replace(login.get().password(), "***");
    }
}
