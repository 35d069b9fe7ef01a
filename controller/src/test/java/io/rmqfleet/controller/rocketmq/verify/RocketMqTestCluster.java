package io.rmqfleet.controller.rocketmq.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Real RocketMQ processes from rmqfleet/rocketmq:5.3.3 on this machine's dockerd, on a bridge network of our own
 * (10.213.230.0/24, fixed IPs). Everything carries the label {@value #LABEL} and is removed by {@link #removeAll()}
 * (also before a run, in case an earlier one was interrupted).
 */
final class RocketMqTestCluster implements AutoCloseable {
    static final String NETWORK = "rmqfleet-verify-it";
    static final String SUBNET = "10.213.230.0/24";
    static final String LABEL = "rmqfleet.it=verify";
    static final String IMAGE = "rmqfleet/rocketmq:5.3.3";
    static final String CLUSTER = "ItCluster";

    private final Path configDir;

    RocketMqTestCluster(Path configDir) {
        this.configDir = configDir;
    }

    static void removeAll() {
        String ids = DockerCli.ok("ps", "-aq", "--filter", "label=" + LABEL).stdout().strip();
        if (!ids.isEmpty()) {
            List<String> args = new java.util.ArrayList<>(List.of("rm", "-f", "-v"));
            args.addAll(List.of(ids.split("\\s+")));
            DockerCli.run(args.toArray(String[]::new));
        }
        if (DockerCli.run("network", "inspect", NETWORK).exitCode() == 0) {
            DockerCli.ok("network", "rm", NETWORK);
        }
    }

    void createNetwork() {
        // Internal: the containers reach each other and this machine reaches them, nothing reaches further.
        DockerCli.ok("network", "create", "--internal", "--label", LABEL, "--subnet", SUBNET, NETWORK);
    }

    void startNameServer(String name, String ip) {
        DockerCli.ok("run", "-d", "--name", name, "--label", LABEL, "--network", NETWORK, "--ip", ip, "--pull", "never",
            "-e", "HEAP_OPTS=-Xms96m -Xmx96m", IMAGE, "sh", "mqnamesrv");
    }

    /** A broker whose config says brokerIP1 = advertisedIp (normally its own ip). */
    void startBroker(String name, String ip, String advertisedIp, String brokerName, int brokerId, String role,
                     int listenPort, String namesrvAddr) throws IOException {
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("brokerClusterName", CLUSTER);
        conf.put("brokerName", brokerName);
        conf.put("brokerId", Integer.toString(brokerId));
        conf.put("brokerRole", role);
        conf.put("flushDiskType", "ASYNC_FLUSH");
        conf.put("deleteWhen", "04");
        conf.put("fileReservedTime", "48");
        conf.put("listenPort", Integer.toString(listenPort));
        conf.put("brokerIP1", advertisedIp);
        conf.put("brokerIP2", advertisedIp);
        conf.put("namesrvAddr", namesrvAddr);
        // Small commit log files: the test writes a few messages, not 1 GiB per broker.
        conf.put("mappedFileSizeCommitLog", Integer.toString(64 * 1024 * 1024));
        Path file = configDir.resolve(name + ".conf");
        Files.writeString(file, conf.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
            .collect(Collectors.joining("\n", "", "\n")));
        DockerCli.ok("run", "-d", "--name", name, "--label", LABEL, "--network", NETWORK, "--ip", ip, "--pull", "never",
            "--stop-timeout", "30", "-e", "HEAP_OPTS=-Xms192m -Xmx192m -XX:MaxDirectMemorySize=192m",
            "-v", file.toAbsolutePath() + ":/home/rocketmq/broker.conf:ro", IMAGE, "sh", "mqbroker", "-c",
            "/home/rocketmq/broker.conf");
    }

    /** Polls the container's output for RocketMQ's boot line until the deadline. */
    static void awaitLog(String name, String line, Duration timeout) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (Instant.now().isBefore(end)) {
            DockerCli.Result logs = DockerCli.run("logs", name);
            if ((logs.stdout() + logs.stderr()).contains(line)) {
                return;
            }
            String state = DockerCli.run("inspect", "-f", "{{.State.Status}}", name).stdout().strip();
            if (state.equals("exited") || state.equals("dead")) {
                throw new IllegalStateException(name + " exited before '" + line + "':\n" + logs.stdout() + logs.stderr());
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " did not log '" + line + "' within " + timeout + ":\n"
            + DockerCli.run("logs", "--tail", "30", name).stdout());
    }

    static void stop(String name) {
        DockerCli.ok("stop", "-t", "30", name);
    }

    @Override
    public void close() {
        removeAll();
    }
}
