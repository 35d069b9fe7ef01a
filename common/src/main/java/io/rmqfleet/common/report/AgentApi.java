package io.rmqfleet.common.report;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The HTTP contract between agent and controller for reports. The controller answers 2xx when it stored the
 * report, 400 ({@code application/problem+json}, detail = {@link InvalidReportException#getMessage()}) when the
 * report is malformed, 401 for a missing or wrong token, 429 or 503 (optionally with {@code Retry-After}
 * seconds) when it wants the agent to slow down. The agent drops a report on any other 4xx and retries 5xx.
 */
public final class AgentApi {
    /** The route as Vert.x web writes it. */
    public static final String REPORTS_ROUTE = "/api/v1/agents/:host/reports";
    public static final String CONTENT_TYPE = "application/json";
    /** The agent's per-host token goes into {@code Authorization: Bearer <token>}. */
    public static final String AUTHORIZATION = "Authorization";
    public static final String BEARER_PREFIX = "Bearer ";

    private AgentApi() {
    }

    /** The path a host posts its reports to, e.g. {@code /api/v1/agents/broker-1/reports}. */
    public static String reportsPath(String host) {
        return "/api/v1/agents/" + URLEncoder.encode(host, StandardCharsets.UTF_8) + "/reports";
    }
}
