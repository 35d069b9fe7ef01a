package io.rmqfleet.controller.rocketmq.verify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rmqfleet.controller.cli.Main;
import io.rmqfleet.controller.console.ConsoleOptions;
import io.rmqfleet.controller.console.ConsoleServer;
import io.rmqfleet.controller.inventory.Inventory;
import io.rmqfleet.controller.rocketmq.ClusterLayout;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * verify against real RocketMQ: a NameServer, a master and its slave (same brokerName, ids 0 and 1, listen ports
 * 10911 and 11911) from rmqfleet/rocketmq:5.3.3 on this machine's dockerd; rmqfleet's console in this JVM on
 * loopback as the dashboard. The tests run in order: healthy cluster, slave stopped, a broker advertising a wrong brokerIP1.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterVerifierIT {
    static final String NS_IP = "10.213.230.10";
    static final String MASTER_IP = "10.213.230.11";
    static final String SLAVE_IP = "10.213.230.12";
    static final String WRONG_IP_BROKER_IP = "10.213.230.13";
    static final String NS = "rmqfleet-verify-it-ns";
    static final String MASTER = "rmqfleet-verify-it-master";
    static final String SLAVE = "rmqfleet-verify-it-slave";
    static final String WRONG = "rmqfleet-verify-it-wrongip";
    static final Duration BOOT = Duration.ofMinutes(4);

    @TempDir
    static Path dir;
    static RocketMqTestCluster cluster;
    static ConsoleServer dashboard;

    @BeforeAll
    static void startCluster() throws Exception {
        RocketMqTestCluster.removeAll();
        cluster = new RocketMqTestCluster(dir);
        cluster.createNetwork();
        cluster.startNameServer(NS, NS_IP);
        RocketMqTestCluster.awaitLog(NS, "The Name Server boot success", BOOT);
        // Master first: the slave learns the master's HA address when it registers with the NameServer.
        cluster.startBroker(MASTER, MASTER_IP, MASTER_IP, "broker-a", 0, "ASYNC_MASTER", 10911, NS_IP + ":9876");
        RocketMqTestCluster.awaitLog(MASTER, "boot success", BOOT);
        cluster.startBroker(SLAVE, SLAVE_IP, SLAVE_IP, "broker-a", 1, "SLAVE", 11911, NS_IP + ":9876");
        RocketMqTestCluster.awaitLog(SLAVE, "boot success", BOOT);

        dashboard = ConsoleServer.start(new ConsoleOptions(NS_IP + ":9876", "127.0.0.1", 0, null,
            ConsoleOptions.DEFAULT_CALL_TIMEOUT), Clock.systemUTC());
    }

    @AfterAll
    static void removeCluster() {
        if (dashboard != null) {
            dashboard.close();
        }
        if (cluster != null) {
            cluster.close();
        }
        assertThat(DockerCli.ok("ps", "-aq", "--filter", "label=" + RocketMqTestCluster.LABEL).stdout()).isBlank();
        assertThat(DockerCli.run("network", "inspect", RocketMqTestCluster.NETWORK).exitCode()).isNotZero();
    }

    private static Path inventory(String name, String brokers) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, """
            all:
              vars:
                rocketmq_cluster_name: ItCluster
              children:
                namesrv:
                  hosts:
                    ns1: {ansible_host: %s}
                broker:
                  hosts:
            %s
                dashboard:
                  hosts:
                    dash: {ansible_host: 127.0.0.1, dashboard_port: %d}
            """.formatted(NS_IP, brokers.indent(8).stripTrailing(), dashboard.port()));
        return file;
    }

    private static final String MASTER_AND_SLAVE = """
        a-master: {ansible_host: %s, broker_name: broker-a, broker_id: 0, broker_role: ASYNC_MASTER}
        a-slave: {ansible_host: %s, broker_name: broker-a, broker_id: 1, broker_role: SLAVE, listen_port: 11911}
        """.formatted(MASTER_IP, SLAVE_IP);

    private static ClusterLayout layout(Path inventory) {
        return ClusterLayout.from(Inventory.load(List.of(inventory)));
    }

    private static Optional<CheckResult> find(VerifyReport report, String check, String targetPart) {
        return report.results().stream().filter(r -> r.check().equals(check) && r.target().contains(targetPart)).findFirst();
    }

    /** Runs verify until the report satisfies the condition or the deadline passes; returns the last report. */
    private static VerifyReport verifyUntil(ClusterLayout layout, VerifyOptions options, Predicate<VerifyReport> done,
                                            Duration patience) {
        Instant end = Instant.now().plus(patience);
        VerifyReport report = LiveVerify.run(layout, options);
        while (!done.test(report) && Instant.now().isBefore(end)) {
            report = LiveVerify.run(layout, options);
        }
        return report;
    }

    @Test
    @Order(1)
    void healthyClusterPassesEveryCheck() throws IOException {
        Path inv = inventory("healthy.yml", MASTER_AND_SLAVE);
        ClusterLayout layout = layout(inv);
        // The slave may need one registration round (up to 30 s) before it knows the master's HA address.
        VerifyReport report = verifyUntil(layout, VerifyOptions.defaults(), VerifyReport::passed, Duration.ofMinutes(2));
        System.out.println(ReportTable.render(report));
        assertThat(report.passed()).as(ReportTable.render(report)).isTrue();
        assertThat(report.results()).extracting(CheckResult::check).contains("namesrv.answers", "namesrv.registration",
            "namesrv.unknown-brokers", "broker.listen-port", "broker.fast-port", "broker.ha-port", "broker.ha",
            "topic.exists", "topic.route", "messages.roundtrip", "dashboard.http", "dashboard.cluster-api");
        assertThat(find(report, "namesrv.registration", "broker-a/1").orElseThrow().detail())
            .isEqualTo("at " + SLAVE_IP + ":11911 in cluster ItCluster");
        assertThat(find(report, "broker.ha", "broker-a/1").orElseThrow().detail())
            .startsWith("replicating from " + MASTER_IP + ":10912");
        assertThat(find(report, "messages.roundtrip", "").orElseThrow().detail()).startsWith("20/20 sent and consumed back");

        // The command line on a cluster that is known to be up: this is the measured duration.
        StringWriter out = new StringWriter();
        CommandLine cli = Main.commandLine();
        cli.setOut(new PrintWriter(out));
        Instant start = Instant.now();
        int exit = cli.execute("verify", "-i", inv.toString(), "--json", "--messages", "50");
        Duration took = Duration.between(start, Instant.now());
        JsonNode json = new ObjectMapper().readTree(out.toString());
        System.out.println("verify --json --messages 50 on a healthy 1 NameServer / master + slave cluster took "
            + took.toMillis() + " ms (report elapsed_ms " + json.get("elapsed_ms") + ")");
        assertThat(exit).as(out.toString()).isZero();
        assertThat(json.get("passed").asBoolean()).isTrue();
        assertThat(json.get("summary").get("failed").asInt()).isZero();
        assertThat(json.get("checks").size()).isEqualTo(json.get("summary").get("total").asInt());
        assertThat(out.toString()).contains("\"detail\" : \"50/50 sent and consumed back");
    }

    @Test
    @Order(2)
    void stoppedSlaveFailsTheHaCheckWithAReason() throws IOException {
        RocketMqTestCluster.stop(SLAVE);
        ClusterLayout layout = layout(inventory("slave-down.yml", MASTER_AND_SLAVE));
        VerifyReport report = verifyUntil(layout, VerifyOptions.defaults().withTimeout(Duration.ofSeconds(30)),
            r -> find(r, "broker.ha", "broker-a/1").map(CheckResult::failed).orElse(false)
                && find(r, "broker.ha", "broker-a/1").get().detail().contains("no HA connection"),
            Duration.ofSeconds(60));
        System.out.println(ReportTable.render(report));
        assertThat(report.passed()).isFalse();
        assertThat(report.exitCode()).isEqualTo(2);
        CheckResult ha = find(report, "broker.ha", "broker-a/1").orElseThrow();
        assertThat(ha.failed()).isTrue();
        assertThat(ha.detail()).contains("the slave does not answer at " + SLAVE_IP + ":11911")
            .contains("the master has no HA connection from the slave's machine " + SLAVE_IP);
        assertThat(find(report, "broker.listen-port", "broker-a/1").orElseThrow().failed()).isTrue();
        assertThat(find(report, "broker.ha-port", "broker-a/0").orElseThrow().passed()).isTrue();
        assertThat(find(report, "messages.roundtrip", "").orElseThrow().passed()).as("the master still works").isTrue();
    }

    @Test
    @Order(3)
    void brokerAdvertisingAWrongBrokerIp1IsReported() throws Exception {
        // broker-b's config advertises 10.213.230.99 while the inventory (and the machine) say 10.213.230.13.
        cluster.startBroker(WRONG, WRONG_IP_BROKER_IP, "10.213.230.99", "broker-b", 0, "ASYNC_MASTER", 10911,
            NS_IP + ":9876");
        RocketMqTestCluster.awaitLog(WRONG, "boot success", BOOT);
        ClusterLayout layout = layout(inventory("wrong-ip.yml", """
            a-master: {ansible_host: %s, broker_name: broker-a, broker_id: 0}
            b-master: {ansible_host: %s, broker_name: broker-b, broker_id: 0}
            """.formatted(MASTER_IP, WRONG_IP_BROKER_IP)));
        VerifyReport report = LiveVerify.run(layout, VerifyOptions.defaults().withMessages(4).withTimeout(Duration.ofSeconds(40)));
        System.out.println(ReportTable.render(report));
        CheckResult registration = find(report, "namesrv.registration", "broker-b/0").orElseThrow();
        assertThat(registration.failed()).isTrue();
        assertThat(registration.detail()).startsWith("registered at 10.213.230.99:10911, expected " + WRONG_IP_BROKER_IP
            + ":10911: brokerIP1 in the broker's config differs from the inventory");
        assertThat(find(report, "namesrv.registration", "broker-a/0").orElseThrow().passed()).isTrue();
        // Clients are sent to the advertised address, so broker-b's share of the messages cannot be delivered.
        CheckResult messages = find(report, "messages.roundtrip", "").orElseThrow();
        assertThat(messages.failed()).isTrue();
        assertThat(messages.detail()).contains("broker-b: ").contains("10.213.230.99:10911")
            .contains("no message was stored on broker-b");
        assertThat(report.exitCode()).isEqualTo(2);
    }

    @Test
    @Order(4)
    void deadClusterFailsWithinTheTimeout() throws IOException {
        Path inv = dir.resolve("dead.yml");
        Files.writeString(inv, """
            namesrv:
              hosts:
                gone: {ansible_host: 10.213.230.20}
            broker:
              hosts:
                b: {ansible_host: 10.213.230.21, broker_name: broker-x, broker_id: 0}
            """);
        Instant start = Instant.now();
        VerifyReport report = LiveVerify.run(layout(inv), VerifyOptions.defaults().withTimeout(Duration.ofSeconds(10)));
        Duration took = Duration.between(start, Instant.now());
        System.out.println(ReportTable.render(report) + "dead cluster: " + took.toMillis() + " ms");
        assertThat(report.passed()).isFalse();
        assertThat(find(report, "namesrv.answers", "gone").orElseThrow().failed()).isTrue();
        assertThat(took).isLessThan(Duration.ofSeconds(10 + 6));
    }
}
