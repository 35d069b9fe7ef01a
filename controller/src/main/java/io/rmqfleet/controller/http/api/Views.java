package io.rmqfleet.controller.http.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rmqfleet.common.report.AgentReport;
import io.rmqfleet.common.report.AgentReports;
import io.rmqfleet.common.report.ContainerStatus;
import io.rmqfleet.common.report.PortProbe;
import io.rmqfleet.controller.http.Respond;
import io.rmqfleet.controller.state.HostRecord;
import io.rmqfleet.controller.state.StateEvent;
import io.rmqfleet.controller.state.drift.DriftFinding;
import io.rmqfleet.controller.state.layout.ExpectedContainer;
import io.rmqfleet.controller.state.layout.FleetLayout;
import io.rmqfleet.controller.state.runs.RunRecord;
import io.rmqfleet.controller.state.store.DriftStore;
import java.time.Instant;
import java.util.Map;

/** The JSON shapes of the API (docs/serve.md and openapi.json describe them). */
final class Views {
    private Views() {
    }

    static ObjectNode host(HostRecord r, FleetLayout layout) {
        ObjectNode o = Respond.object();
        o.put("name", r.host());
        o.put("liveness", r.liveness().wire());
        putInstant(o, "last_heard_at", r.lastHeardAt());
        FleetLayout.Machine machine = layout.machineOf(r.host());
        o.put("in_inventory", machine != null);
        if (machine != null) {
            o.put("address", machine.address());
        } else {
            o.putNull("address");
        }
        AgentReport report = r.latest();
        if (report == null) {
            o.putNull("last_report");
            o.putNull("containers");
            o.set("ports", Respond.array());
            return o;
        }
        ObjectNode last = o.putObject("last_report");
        last.put("agent_version", report.agentVersion());
        last.put("agent_started_at", report.agentStartedAt().toString());
        last.put("sequence", report.sequence());
        last.put("observed_at", report.observedAt().toString());
        last.put("sent_at", report.sentAt().toString());
        JsonNode tree = AgentReports.toTree(report);
        last.set("disk", tree.get("disk"));
        last.set("load", tree.get("load"));
        last.set("memory", tree.get("memory"));
        last.set("errors", tree.get("errors"));
        if (report.containers() == null) {
            o.putNull("containers");
        } else {
            ArrayNode containers = o.putArray("containers");
            for (ContainerStatus c : report.containers()) {
                containers.add(container(c));
            }
        }
        ArrayNode ports = o.putArray("ports");
        for (PortProbe p : report.ports()) {
            ports.addObject().put("port", p.port()).put("open", p.open());
        }
        return o;
    }

    static ObjectNode container(ContainerStatus c) {
        ObjectNode o = Respond.object();
        o.put("name", c.name());
        o.put("state", c.state().wire());
        o.put("health", c.health().wire());
        o.put("image", c.image());
        o.put("restart_count", c.restartCount());
        o.put("exit_code", c.exitCode());
        putInstant(o, "started_at", c.startedAt());
        o.put("spec_hash", c.specHash());
        o.put("id", c.id().substring(0, 12));
        return o;
    }

    static ObjectNode expected(ExpectedContainer c) {
        ObjectNode o = Respond.object();
        o.put("name", c.name());
        o.put("role", c.role().wire());
        o.put("owner", c.owner());
        ArrayNode ports = o.putArray("ports");
        c.ports().forEach(ports::add);
        o.put("spec_hash", c.specHash());
        return o;
    }

    static ObjectNode finding(DriftFinding f) {
        ObjectNode o = Respond.object();
        o.put("host", f.host());
        o.put("container", f.container());
        o.put("kind", f.kind().wire());
        o.put("detail", f.detail());
        return o;
    }

    static ObjectNode driftCheck(DriftStore.StoredCheck check, String hostFilter) {
        ObjectNode o = Respond.object();
        o.put("id", check.id());
        o.put("trigger", check.trigger());
        o.put("checked_at", check.report().checkedAt().toString());
        o.put("machines_checked", check.report().machinesChecked());
        o.put("containers_checked", check.report().containersChecked());
        o.put("clean", check.report().clean());
        ObjectNode counts = o.putObject("counts");
        check.report().countByKind().forEach((k, n) -> {
            if (n > 0) {
                counts.put(k.wire(), n);
            }
        });
        ArrayNode findings = o.putArray("findings");
        check.report().findings().stream().filter(f -> hostFilter == null || f.host().equals(hostFilter))
                .forEach(f -> findings.add(finding(f)));
        return o;
    }

    static ObjectNode run(RunRecord r, boolean withEvents) {
        ObjectNode o = Respond.object();
        o.put("id", r.id());
        o.put("status", r.status());
        o.put("exit_code", r.exitCode());
        o.put("elapsed_ms", r.elapsedMs());
        putInstant(o, "started_at", r.startedAt());
        putInstant(o, "finished_at", r.finishedAt());
        putInstant(o, "received_at", r.receivedAt());
        ArrayNode plays = o.putArray("plays");
        r.plays().forEach(plays::add);
        o.set("recap", Respond.object().setAll(toObject(r.recap())));
        if (withEvents) {
            ArrayNode events = o.putArray("events");
            r.events().forEach(e -> events.add(toObject(e)));
        }
        return o;
    }

    static ObjectNode event(StateEvent e) {
        ObjectNode o = Respond.object();
        o.put("id", e.id());
        o.put("at", e.at().toString());
        o.put("kind", e.kind());
        o.put("host", e.host());
        o.put("summary", e.summary());
        o.set("data", toObject(e.data()));
        return o;
    }

    static ObjectNode toObject(Map<String, Object> map) {
        return io.rmqfleet.controller.state.Json.mapper().valueToTree(map);
    }

    static void putInstant(ObjectNode o, String field, Instant value) {
        if (value == null) {
            o.putNull(field);
        } else {
            o.put(field, value.toString());
        }
    }
}
