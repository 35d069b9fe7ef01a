package io.rmqfleet.controller.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmqfleet.controller.rocketmq.BrokerNode;
import io.rmqfleet.controller.rocketmq.BrokerRole;
import io.rmqfleet.controller.rocketmq.ClusterLayout;
import io.rmqfleet.controller.rocketmq.DashboardLogin;
import io.rmqfleet.controller.rocketmq.DashboardNode;
import io.rmqfleet.controller.rocketmq.FlushDiskType;
import io.rmqfleet.controller.rocketmq.NameServerNode;
import io.rmqfleet.controller.rocketmq.verify.CheckResult;
import io.rmqfleet.controller.rocketmq.verify.ConsoleClusterProbe;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** verify's dashboard probe against the console on loopback: login, the cluster API, and no password in output. */
class ConsoleProbeTest {
    static final String PASSWORD = "pa ss&word=1";
    ConsoleServer server;

    @BeforeEach
    void start() throws Exception {
        UsersFile users = UsersFile.parse(java.nio.file.Path.of("users.properties"), List.of("ops=" + PASSWORD + ",1"));
        server = ConsoleServer.start(new ConsoleOptions("127.0.0.1:9876", "127.0.0.1", 0, null, Duration.ofSeconds(2)),
            users, new ConsoleServerTest.CannedAdmin(), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    static BrokerNode broker(String name, long id, String ip, int port) {
        return new BrokerNode(name + id, ip, "Prod", name, id, id == 0 ? BrokerRole.ASYNC_MASTER : BrokerRole.SLAVE,
            FlushDiskType.ASYNC_FLUSH, port, ip, ip, List.of(ip));
    }

    CheckResult probe(DashboardLogin login, BrokerNode... brokers) {
        DashboardNode dash = new DashboardNode("dash", "127.0.0.1", server.port(), login);
        ClusterLayout layout = ClusterLayout.of(List.of(new NameServerNode("ns", "127.0.0.1", 9876)), List.of(brokers),
            List.of(dash));
        return new ConsoleClusterProbe().check(dash, layout, Duration.ofSeconds(5));
    }

    @Test
    void logsInAndFindsEveryBroker() {
        CheckResult result = probe(new DashboardLogin("ops", PASSWORD), broker("broker-a", 0, "10.213.1.11", 10911),
            broker("broker-a", 1, "10.213.1.12", 11911), broker("broker-b", 0, "10.213.1.12", 10911));
        assertThat(result.passed()).as(result.toString()).isTrue();
        assertThat(result.check()).isEqualTo("dashboard.cluster-api");
        assertThat(result.detail()).isEqualTo("lists all 3 broker(s) at their addresses");
        assertThat(result.toString()).doesNotContain(PASSWORD);
    }

    @Test
    void failsWithAReasonAndWithoutThePassword() {
        CheckResult wrongPassword = probe(new DashboardLogin("ops", "not-" + PASSWORD),
            broker("broker-a", 0, "10.213.1.11", 10911));
        assertThat(wrongPassword.failed()).isTrue();
        assertThat(wrongPassword.detail()).isEqualTo(
            "the dashboard requires a login (HTTP 302): login as ops rejected: Bad username or password!");
        assertThat(wrongPassword.toString()).doesNotContain(PASSWORD);

        CheckResult noLogin = probe(null, broker("broker-a", 0, "10.213.1.11", 10911));
        assertThat(noLogin.detail()).endsWith("set dashboard_username and dashboard_password in the inventory");

        CheckResult wrongAddress = probe(new DashboardLogin("ops", PASSWORD), broker("broker-a", 0, "10.213.1.99", 10911),
            broker("broker-c", 0, "10.213.1.13", 10911));
        assertThat(wrongAddress.failed()).isTrue();
        assertThat(wrongAddress.detail()).isEqualTo(
            "broker-a/0 is listed at 10.213.1.11:10911, expected 10.213.1.99:10911; broker-c/0 is not listed");
    }

    @Test
    void dashboardNodeAndLoginNeverPrintThePassword() {
        DashboardNode dash = new DashboardNode("dash", "127.0.0.1", 8080, new DashboardLogin("ops", PASSWORD));
        assertThat(dash.toString()).contains("ops").doesNotContain(PASSWORD);
    }
}
