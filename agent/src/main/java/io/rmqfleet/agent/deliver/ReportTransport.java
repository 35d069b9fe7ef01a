package io.rmqfleet.agent.deliver;

import io.rmqfleet.common.report.AgentReport;
import io.vertx.core.Future;

/** Sends one report to the controller. The future always succeeds: every failure is an {@link Outcome}. */
public interface ReportTransport {
    Future<Outcome> send(AgentReport report);
}
