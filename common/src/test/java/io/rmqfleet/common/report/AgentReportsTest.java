package io.rmqfleet.common.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AgentReportsTest {

    @ParameterizedTest
    @ValueSource(strings = {"full", "collectors-failed", "buffered-empty-host"})
    void validFixturesRoundTripToTheSameJson(String name) {
        byte[] original = Fixtures.bytes("valid/" + name + ".json");
        AgentReport report = AgentReports.parse(original);

        byte[] written = AgentReports.toJsonBytes(report);

        assertThat(AgentReports.readTree(written)).isEqualTo(AgentReports.readTree(original));
        assertThat(AgentReports.parse(written)).isEqualTo(report);
    }

    @Test
    void fullFixtureIsReadIntoTheRecords() {
        AgentReport report = AgentReports.parse(Fixtures.bytes("valid/full.json"));

        assertThat(report.schema()).isEqualTo(1);
        assertThat(report.host()).isEqualTo("broker-1");
        assertThat(report.sequence()).isEqualTo(42);
        assertThat(report.observedAt()).isEqualTo(Instant.parse("2025-11-25T10:03:30.125Z"));
        assertThat(report.containers()).extracting(ContainerStatus::name)
                .containsExactly("rmqnamesrv", "rmqbroker-a", "rmqfleet-agent");
        ContainerStatus broker = report.containers().get(1);
        assertThat(broker.state()).isEqualTo(ContainerState.EXITED);
        assertThat(broker.exitCode()).isEqualTo(137);
        assertThat(broker.restartCount()).isEqualTo(2);
        assertThat(broker.health()).isEqualTo(Health.NONE);
        assertThat(report.containers().get(0).startedAt())
                .isEqualTo(Instant.parse("2025-11-25T09:58:12.483920117Z"));
        assertThat(report.containers().get(2).startedAt()).isNull();
        assertThat(report.containers().get(2).specHash()).isNull();
        assertThat(report.disk()).isEqualTo(new DiskUsage("/data/rocketmq", 52428800000L, 105089261568L));
        assertThat(report.load()).isEqualTo(new LoadAverage(0.42, 0.37, 0.3));
        assertThat(report.memory()).isEqualTo(new MemoryUsage(25769803776L, 18253611008L));
        assertThat(report.ports()).containsExactly(new PortProbe(9876, true), new PortProbe(10911, false),
                new PortProbe(10909, false), new PortProbe(10912, false));
        assertThat(report.errors()).isEmpty();
    }

    @Test
    void failedCollectorsAreNullSectionsWithAnError() {
        AgentReport report = AgentReports.parse(Fixtures.bytes("valid/collectors-failed.json"));

        assertThat(report.containers()).isNull();
        assertThat(report.disk()).isNull();
        assertThat(report.load()).isNull();
        assertThat(report.memory()).isNull();
        assertThat(report.errors()).extracting(CollectorError::source)
                .containsExactly("docker", "disk", "load", "memory");
    }

    @Test
    void writtenJsonUsesSnakeCaseAndWritesEveryFieldEvenWhenNull() {
        AgentReport report = AgentReports.parse(Fixtures.bytes("valid/full.json"));
        JsonNode tree = AgentReports.toTree(report);

        assertThat(names(tree)).containsExactlyInAnyOrder("schema", "host", "agent_version", "agent_started_at",
                "sequence", "observed_at", "sent_at", "containers", "disk", "load", "memory", "ports", "errors");
        assertThat(names(tree.get("containers").get(2))).containsExactlyInAnyOrder("id", "name", "image",
                "image_id", "state", "restart_count", "started_at", "exit_code", "spec_hash", "health");
        assertThat(tree.get("containers").get(2).get("started_at").isNull()).isTrue();
        assertThat(names(tree.get("load"))).containsExactlyInAnyOrder("avg_1m", "avg_5m", "avg_15m");
        assertThat(tree.get("containers").get(0).get("state").textValue()).isEqualTo("running");
    }

    @Test
    void resendingKeepsTheObservationTimeAndChangesOnlyTheSendTime() {
        AgentReport report = AgentReports.parse(Fixtures.bytes("valid/full.json"));
        Instant later = report.observedAt().plusSeconds(90);

        AgentReport resent = report.withSentAt(later);

        assertThat(resent.sentAt()).isEqualTo(later);
        assertThat(resent.observedAt()).isEqualTo(report.observedAt());
        assertThat(resent.withSentAt(report.sentAt())).isEqualTo(report);
    }

    @Test
    void nullWhereAValueIsRequiredNamesTheField() {
        ObjectNode tree = (ObjectNode) AgentReports.readTree(Fixtures.bytes("valid/full.json"));
        tree.putNull("host");

        assertThatThrownBy(() -> AgentReports.validate(tree))
                .isInstanceOf(InvalidReportException.class)
                .hasMessageStartingWith("$.host: expected a host name")
                .hasMessageEndingWith(", got null");
    }

    @Test
    void tooManyContainersAreRejectedBeforeReadingThem() {
        ObjectNode tree = (ObjectNode) AgentReports.readTree(Fixtures.bytes("valid/full.json"));
        ArrayNode containers = tree.putArray("containers");
        for (int i = 0; i < AgentReportReader.MAX_CONTAINERS + 1; i++) {
            containers.add(i);
        }

        assertThatThrownBy(() -> AgentReports.validate(tree))
                .hasMessage("$.containers: expected at most 512 entries, got 513");
    }

    @Test
    void emptyBodyAndTrailingDataAreMalformed() {
        assertThatThrownBy(() -> AgentReports.parse(""))
                .isInstanceOf(InvalidReportException.class)
                .hasMessage("$: empty body, expected a JSON object");
        assertThatThrownBy(() -> AgentReports.parse("{} {}"))
                .isInstanceOf(InvalidReportException.class)
                .hasMessageStartingWith("$: malformed JSON at line 1, column ");
    }

    @Test
    void reportsPathEncodesTheHostName() {
        assertThat(AgentApi.reportsPath("broker-1")).isEqualTo("/api/v1/agents/broker-1/reports");
        assertThat(AgentApi.reportsPath("a b")).isEqualTo("/api/v1/agents/a+b/reports");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        Iterator<String> it = node.fieldNames();
        it.forEachRemaining(names::add);
        return names;
    }
}
