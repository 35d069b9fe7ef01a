package io.rmqfleet.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.rmqfleet.controller.connection.Connection;
import io.rmqfleet.controller.connection.ExecResult;
import io.rmqfleet.controller.connection.LoginOptions;
import io.rmqfleet.controller.executor.ConnectionVars;
import io.rmqfleet.controller.executor.SshConnectionFactory;
import io.rmqfleet.controller.inventory.Inventory;
import io.rmqfleet.controller.playbook.template.Templar;
import io.rmqfleet.controller.testing.BedDeployments;
import io.rmqfleet.controller.testing.Poll;
import io.rmqfleet.testbed.SharedTestBed;
import io.rmqfleet.testbed.TestBed;
import io.rmqfleet.testbed.TestImages;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The cluster playbook end to end on 3 test hosts with the demo layout (2 NameServers, broker-a and broker-b with
 * a slave each, and the console dashboard), through the CLI as an operator runs it. The
 * steps share one deployment and run in order: deploy and verify, no-op re-apply, a setting changed for broker-a
 * only, a wrong brokerIP1 refused, messages surviving a removed broker container, and a rolling restart under a
 * producer that loses nothing it was told was stored.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterPlaybookIT {
    private static final Path PLAYBOOK = Path.of("..", "playbooks", "rocketmq-cluster.yml").toAbsolutePath().normalize();
    private static final Path ROLLING = Path.of("..", "playbooks", "rocketmq-rolling-restart.yml").toAbsolutePath()
        .normalize();
    private static final String CONSOLE_IMAGE = "rmqfleet/console:latest";
    private static final String TOPIC = "rmqfleet_verify";
    private static final Pattern RECAP = Pattern.compile("(?m)^(\\S+)\\s+: ok=(\\d+)\\s+changed=(\\d+)\\s+"
        + "unreachable=(\\d+)\\s+failed=(\\d+)\\s+skipped=(\\d+)\\s+rescued=(\\d+)\\s+ignored=(\\d+)\\s*$");
    /** Machine of each broker container in the demo layout, and the NameServers. */
    private static final Map<String, String> CONTAINERS = Map.of(
        "host1:rmqnamesrv", "namesrv", "host2:rmqnamesrv", "namesrv",
        "host1:rmqbroker-broker-a-0", "broker-a", "host3:rmqbroker-broker-a-1", "broker-a",
        "host2:rmqbroker-broker-b-0", "broker-b", "host3:rmqbroker-broker-b-1", "broker-b");

    private static TestBed bed;
    private static Path dir;
    private static Path inventory;
    private static String namesrvAddr;
    private static final StringBuilder TIMES = new StringBuilder();

    record Run(int code, String out, String err, Duration took) {
        Map<String, Integer> changedByHost() {
            Map<String, Integer> changed = new TreeMap<>();
            Matcher m = RECAP.matcher(out);
            while (m.find()) {
                changed.put(m.group(1), Integer.parseInt(m.group(3)));
                assertThat(Integer.parseInt(m.group(5))).as("failed on " + m.group(1) + "\n" + this).isZero();
                assertThat(Integer.parseInt(m.group(4))).as("unreachable " + m.group(1) + "\n" + this).isZero();
            }
            return changed;
        }

        @Override
        public String toString() {
            return "exit " + code + " after " + took.toSeconds() + " s\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        long start = System.nanoTime();
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString(), Duration.ofNanos(System.nanoTime() - start));
    }

    @BeforeAll
    static void demoInventoryOnAFreshBed() throws Exception {
        TestImages.ensure();
        TestImages.require(List.of(TestImages.ROCKETMQ, CONSOLE_IMAGE));
        System.setProperty("rocketmq.client.logRoot", Path.of("target", "rocketmq-client-logs").toAbsolutePath().toString());
        bed = SharedTestBed.get(3);
        dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "cluster-it-");
        Path written = DemoCommand.writeInventory(TestbedState.of(bed, Instant.now(), null), dir);
        DemoCredentials.ensure(dir, new SecureRandom());
        // (A rebuild of rmqfleet/console:latest during the run (rightly) makes the no-op apply ship it again.)
        inventory = written;
        namesrvAddr = bed.host(1).address() + ":9876;" + bed.host(2).address() + ":9876";
        System.out.println("cluster IT: bed " + bed + ", inventory " + inventory);
    }

    /** The bed is shared with the other integration tests: leave its hosts without a cluster on them. */
    @AfterAll
    static void removeTheCluster() {
        if (bed != null) {
            BedDeployments.removeAll(bed);
        }
    }

    @Test
    @Order(1)
    void deployFromCleanThenVerifyPasses() {
        Run apply = cli("apply", "-i", inventory.toString(), PLAYBOOK.toString());
        assertThat(apply.code()).as(apply.toString()).isZero();
        assertThat(apply.changedByHost()).containsKeys("host1", "host2", "host3", "host3-b");
        time("first deploy from clean (3 hosts, image shipped, 2 NameServers, 4 brokers"
            + ", dashboard)", apply.took());

        // Under heavy load the dashboard's JVM and the brokers' first client calls can lag the deploy by a while.
        awaitVerify(Duration.ofMinutes(4));
    }

    @Test
    @Order(2)
    void secondApplyChangesNothing() {
        Run again = cli("apply", "-i", inventory.toString(), PLAYBOOK.toString());
        assertThat(again.code()).as(again.toString()).isZero();
        Map<String, Integer> changed = again.changedByHost();
        assertThat(changed).containsKeys("host1", "host2", "host3", "host3-b");
        assertThat(changed.values()).as(again.toString()).containsOnly(0);
        time("no-op re-apply", again.took());
    }

    @Test
    @Order(3)
    void fileReservedTimeForBrokerAOnlyRecreatesOnlyBrokerAsContainers() throws IOException {
        Map<String, String> before = containerIds();
        // broker-a is host1 (master) and host3 (slave); host3-b (broker-b's slave) shares host3's machine
        for (String host : List.of("host1", "host3")) {
            Files.createDirectories(dir.resolve("host_vars"));
            Files.writeString(dir.resolve("host_vars").resolve(host + ".yml"), "rocketmq_file_reserved_time: 72\n");
        }

        Run apply = cli("apply", "-i", inventory.toString(), PLAYBOOK.toString());

        assertThat(apply.code()).as(apply.toString()).isZero();
        Map<String, Integer> changed = apply.changedByHost();
        assertThat(changed.get("host1")).as(apply.toString()).isPositive();
        assertThat(changed.get("host3")).as(apply.toString()).isPositive();
        assertThat(changed.get("host2")).as(apply.toString()).isZero();
        assertThat(changed.get("host3-b")).as(apply.toString()).isZero();
        Map<String, String> after = containerIds();
        CONTAINERS.forEach((container, owner) -> {
            if (owner.equals("broker-a")) {
                assertThat(after.get(container)).as(container + " recreated").isNotEqualTo(before.get(container));
            } else {
                assertThat(after.get(container)).as(container + " untouched").isEqualTo(before.get(container));
            }
        });
        assertThat(sh("host1", "cat /var/lib/rmqfleet/broker-broker-a-0/conf/broker.conf").stdout())
            .contains("fileReservedTime=72");
        assertThat(sh("host2", "cat /var/lib/rmqfleet/broker-broker-b-0/conf/broker.conf").stdout())
            .contains("fileReservedTime=48");
        awaitVerify(Duration.ofMinutes(4));
    }

    @Test
    @Order(4)
    void aWrongBrokerIp1IsRejectedBeforeAnyChange() throws IOException {
        String before = containerStates();
        String foreign = bed.host(1).address().replaceAll("\\.\\d+$", ".250");
        Path bad = dir.resolve("inventory-bad-ip.yml");
        setHostVar(inventory, bad, "broker", "host2", "broker_ip1", foreign);
        assertThat(Files.readString(bad)).contains(foreign);

        Run apply = cli("apply", "-i", bad.toString(), PLAYBOOK.toString());

        assertThat(apply.code()).as(apply.toString()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(apply.err()).contains("host host2: broker_ip1 " + foreign + " of broker-b/0 is not an address of its"
            + " machine");
        assertThat(apply.out()).doesNotContain("PLAY [");
        assertThat(containerStates()).as("no container touched").isEqualTo(before);
    }

    @Test
    @Order(5)
    void messagesSurviveABrokerContainerRemovedAndRedeployed() throws Exception {
        ClusterMessages messages = new ClusterMessages(namesrvAddr, TOPIC);
        String run = "survive-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> keys = IntStream.range(0, 50).mapToObj(i -> run + "-" + i).toList();
        Set<String> acked = messages.sendTo("broker-a", keys);
        assertThat(acked).hasSize(50);
        String oldId = containerIds().get("host1:rmqbroker-broker-a-0");

        assertThat(sh("host1", "docker rm -f rmqbroker-broker-a-0").exitCode()).isZero();
        assertThat(containerIds()).doesNotContainKey("host1:rmqbroker-broker-a-0");
        Run apply = cli("apply", "-i", inventory.toString(), PLAYBOOK.toString());

        assertThat(apply.code()).as(apply.toString()).isZero();
        assertThat(apply.changedByHost().get("host1")).isPositive();
        assertThat(containerIds().get("host1:rmqbroker-broker-a-0")).isNotNull().isNotEqualTo(oldId);
        awaitVerify(Duration.ofMinutes(4));
        Set<String> consumed = messages.consume(acked, Duration.ofMinutes(2));
        assertThat(consumed).as("messages written before the container was removed").containsExactlyInAnyOrderElementsOf(acked);
    }

    @Test
    @Order(6)
    void rollingRestartUnderLoadLosesNoAcknowledgedMessage() throws Exception {
        ClusterMessages messages = new ClusterMessages(namesrvAddr, TOPIC);
        Map<String, String> before = containerIds();
        String run = "roll-" + UUID.randomUUID().toString().substring(0, 8);
        Run roll;
        Set<String> acked;
        int failed;
        try (ClusterMessages.SteadyProducer producer = messages.new SteadyProducer(run, Duration.ofMillis(20))) {
            Poll.until(Duration.ofMinutes(1), Duration.ofMillis(500), "the producer's first acknowledgements", () -> producer.acked.size() >= 20);
            roll = cli("apply", "-i", inventory.toString(), ROLLING.toString());
            int atEnd = producer.acked.size();
            Poll.until(Duration.ofMinutes(1), Duration.ofMillis(500), "acknowledgements after the roll", () -> producer.acked.size() >= atEnd + 20);
            producer.close();
            acked = Set.copyOf(producer.acked);
            failed = producer.failed.get();
        }
        assertThat(roll.code()).as(roll.toString()).isZero();
        assertThat(roll.changedByHost()).containsKeys("host1", "host2", "host3", "host3-b");
        assertThat(roll.out().indexOf("changed: [host3]")).as("a slave goes first").isPositive()
            .isLessThan(roll.out().indexOf("changed: [host1]"));
        time("rolling restart of 4 brokers", roll.took());
        assertThat(containerIds()).as("restarted, not recreated").isEqualTo(before);

        Set<String> consumed = messages.consume(acked, Duration.ofMinutes(3));
        System.out.println("rolling restart: " + acked.size() + " acknowledged, " + failed + " sends failed, "
            + consumed.size() + " of the acknowledged consumed back");
        assertThat(consumed.size()).as("acknowledged vs consumed").isEqualTo(acked.size());
        assertThat(consumed).containsExactlyInAnyOrderElementsOf(acked);
        awaitVerify(Duration.ofMinutes(3));
        Files.writeString(Path.of("target", "cluster-playbook-times.txt"), TIMES.toString());
    }

    // --------------------------------------------------------------------------------------------- helpers

    private static void time(String what, Duration took) {
        String line = String.format("%s: %.1f s (load average %s)%n", what, took.toMillis() / 1000.0, loadAverage());
        TIMES.append(line);
        System.out.print("TIME " + line);
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    /** verify passes (brokers re-register within seconds of a restart, but not at once). */
    private static void awaitVerify(Duration timeout) {
        Run[] last = new Run[1];
        try {
            Poll.until(timeout, Duration.ofMillis(500), "verify to pass", () -> {
                last[0] = cli("verify", "-i", inventory.toString());
                return last[0].code() == 0;
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "\n" + last[0], e);
        }
    }

    /** "host:container" -> container id of every rmqfleet container on the bed. */
    private static Map<String, String> containerIds() {
        Map<String, String> ids = new TreeMap<>();
        for (String host : List.of("host1", "host2", "host3")) {
            String out = sh(host, "docker ps -a --filter label=rmqfleet.managed=true --format '{{.Names}} {{.ID}}'")
                .stdout();
            out.lines().filter(l -> !l.isBlank()).forEach(l -> {
                String[] parts = l.trim().split(" ");
                ids.put(host + ":" + parts[0], parts[1]);
            });
        }
        return ids;
    }

    /** Every rmqfleet container's name, id, state and start time, per host. */
    private static String containerStates() {
        StringBuilder all = new StringBuilder();
        for (String host : List.of("host1", "host2", "host3")) {
            all.append(host).append(":\n").append(sh(host, "docker ps -aq --filter label=rmqfleet.managed=true | sort"
                + " | xargs -r docker inspect -f '{{.Name}} {{.Id}} {{.State.Status}} {{.State.StartedAt}}'").stdout());
        }
        return all.toString();
    }

    private static ExecResult sh(String host, String command) {
        Inventory inv = Inventory.loadSources(List.of(inventory.toString()));
        SshConnectionFactory factory = new SshConnectionFactory(new ConnectionVars(inv::hostVars, new Templar()),
            LoginOptions.STRICT, Path.of(System.getProperty("user.home")));
        try (Connection connection = factory.open(host)) {
            return connection.exec(command, Duration.ofSeconds(90));
        }
    }


    @SuppressWarnings("unchecked")
    private static void setHostVar(Path from, Path to, String group, String host, String var, String value)
            throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Map<String, Object> doc = yaml.readValue(from.toFile(), Map.class);
        Map<String, Object> children = (Map<String, Object>) ((Map<String, Object>) doc.get("all")).get("children");
        Map<String, Object> hosts = (Map<String, Object>) ((Map<String, Object>) children.get(group)).get("hosts");
        ((Map<String, Object>) hosts.get(host)).put(var, value);
        Files.writeString(to, yaml.writeValueAsString(doc));
    }
}
