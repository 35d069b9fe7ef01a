package io.rmqfleet.controller.state.drift;

import io.rmqfleet.common.report.AgentReport;

/**
 * What the controller knows about one machine: the newest report from any of its inventory hosts and whether
 * the machine is considered down.
 *
 * @param report null when no agent on it ever reported
 */
public record MachineObservation(AgentReport report, boolean down) {
    public static final MachineObservation NONE = new MachineObservation(null, false);
}
