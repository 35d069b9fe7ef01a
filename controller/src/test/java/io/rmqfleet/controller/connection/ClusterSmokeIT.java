package io.rmqfleet.controller.connection;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmqfleet.testbed.SharedTestBed;
import io.rmqfleet.testbed.TestBed;
import io.rmqfleet.testbed.TestImages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.common.message.MessageExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole path by hand, no playbook yet: ship the RocketMQ image over SFTP, run a NameServer on host1 and a
 * broker on host2 with {@code --network host} and brokerIP1 = host2's bed address, then produce and consume
 * 100 messages from this JVM with the real client and check {@code mqadmin clusterList} on host1.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterSmokeIT {
    private static final String IMAGE = TestImages.ROCKETMQ;
    private static final String LABEL = "rmqfleet.it=cluster-smoke";
    private static final String DATA = "/srv/rmqfleet-it";
    private static final String TOPIC = "RmqfleetSmoke";
    private static final Duration T = Duration.ofSeconds(120);

    private static TestBed bed;
    private static SshConnection host1;
    private static SshConnection host2;
    private static String nameServer;

    @BeforeAll
    static void connect() {
        TestImages.ensure();
        TestImages.require(List.of(IMAGE));
        bed = SharedTestBed.get(2);
        host1 = BedInventory.open(bed, "host1");
        host2 = BedInventory.open(bed, "host2");
        nameServer = bed.host(1).address() + ":9876";
        System.setProperty("rocketmq.client.logRoot", Path.of("target", "rocketmq-client-logs").toAbsolutePath().toString());
    }

    @AfterAll
    static void removeEverythingStarted() {
        for (SshConnection host : new SshConnection[] {host1, host2}) {
            if (host == null) {
                continue;
            }
            host.exec("docker ps -aq --filter label=" + LABEL + " | xargs -r docker rm -f", T);
            host.exec("rm -rf " + DATA, T);
            ExecResult left = host.exec("docker ps -aq --filter label=" + LABEL, T);
            assertThat(left.stdout()).as("containers left on %s", host.hostName()).isBlank();
            assertThat(host.exec("test -e " + DATA, T).exitCode()).isNotZero();
            host.close();
        }
    }

    @Test
    @Order(1)
    void shipsTheImageToBothHostsAndASecondShipIsANoOp() throws Exception {
        Path cache = Path.of("target", "image-cache").toAbsolutePath();
        ImageShipper shipper = new ImageShipper(new LocalDocker(), cache, Clock.systemUTC());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<ShipReport>> first = List.of(
                pool.submit(() -> shipper.ship(IMAGE, host1)), pool.submit(() -> shipper.ship(IMAGE, host2)));
            for (Future<ShipReport> report : first) {
                System.out.println("ship: " + report.get().summary());
            }
        } finally {
            pool.shutdownNow();
        }
        String localId = new LocalDocker().imageId(IMAGE).orElseThrow();
        for (SshConnection host : List.of(host1, host2)) {
            assertThat(host.exec("docker image inspect --format '{{.Id}}' " + IMAGE, T).stdout().strip())
                .isEqualTo(localId);
            assertThat(host.exec("ls /var/tmp | grep -c rmqfleet-image || true", T).stdout().strip()).isEqualTo("0");
            ShipReport again = shipper.ship(IMAGE, host);
            System.out.println("ship again: " + again.summary());
            assertThat(again.skipped()).isTrue();
        }
    }

    @Test
    @Order(2)
    void startsANameServerOnHost1AndABrokerOnHost2() throws Exception {
        String host2Ip = bed.host(2).address();
        prepareDirs(host1, "namesrv");
        run(host1, "docker run -d --name rmqfleet-it-namesrv --label " + LABEL + " --network host --pull never"
            + " -v " + DATA + "/namesrv/logs:/home/rocketmq/logs " + IMAGE + " sh mqnamesrv");
        awaitLog(host1, "rmqfleet-it-namesrv", "The Name Server boot success");

        prepareDirs(host2, "broker");
        String brokerConf = String.join("\n",
            "brokerClusterName=DefaultCluster",
            "brokerName=broker-a",
            "brokerId=0",
            "brokerRole=ASYNC_MASTER",
            "flushDiskType=ASYNC_FLUSH",
            "deleteWhen=04",
            "fileReservedTime=48",
            "brokerIP1=" + host2Ip,
            "namesrvAddr=" + nameServer,
            "listenPort=10911",
            "");
        host2.put(brokerConf.getBytes(StandardCharsets.UTF_8), DATA + "/broker/broker.conf", 0644);
        run(host2, "docker run -d --name rmqfleet-it-broker --label " + LABEL + " --network host --pull never"
            + " --stop-timeout 30"
            + " -v " + DATA + "/broker/logs:/home/rocketmq/logs -v " + DATA + "/broker/store:/home/rocketmq/store"
            + " -v " + DATA + "/broker/broker.conf:/home/rocketmq/broker.conf:ro"
            + " " + IMAGE + " sh mqbroker -c /home/rocketmq/broker.conf");
        awaitLog(host2, "rmqfleet-it-broker", "boot success");

        ExecResult topic = host1.exec("docker run --rm --network host --pull never " + IMAGE
            + " sh mqadmin updateTopic -n " + nameServer + " -c DefaultCluster -t " + TOPIC + " -r 4 -w 4", T);
        assertThat(topic.ok()).as(topic.tail(20)).isTrue();
    }

    @Test
    @Order(3)
    void producesAndConsumesAHundredMessagesFromThisJvm() throws Exception {
        DefaultMQProducer producer = new DefaultMQProducer("rmqfleet-it-producer");
        producer.setNamesrvAddr(nameServer);
        // Generous client timeouts: on a 2-core machine shared with other builds a NameServer answer can take
        // seconds (the defaults, 3 s, made this test flaky at load average 20).
        producer.setSendMsgTimeout(15_000);
        producer.setMqClientApiTimeout(15_000);
        producer.setRetryTimesWhenSendFailed(3);
        producer.start();
        Set<String> sent = new java.util.HashSet<>();
        try {
            awaitRoute(producer);
            for (int i = 0; i < 100; i++) {
                String body = "smoke-" + i;
                SendResult result = producer.send(new Message(TOPIC, "smoke", "k" + i, body.getBytes(StandardCharsets.UTF_8)));
                assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
                assertThat(result.getMessageQueue().getBrokerName()).isEqualTo("broker-a");
                sent.add(body);
            }
        } finally {
            producer.shutdown();
        }

        DefaultLitePullConsumer consumer = new DefaultLitePullConsumer("rmqfleet-it-consumer");
        consumer.setNamesrvAddr(nameServer);
        consumer.setMqClientApiTimeout(15_000);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(TOPIC, "*");
        consumer.start();
        Set<String> received = ConcurrentHashMap.newKeySet();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        try {
            while (received.size() < sent.size() && Instant.now().isBefore(deadline)) {
                for (MessageExt message : consumer.poll(2_000)) {
                    received.add(new String(message.getBody(), StandardCharsets.UTF_8));
                }
            }
        } finally {
            consumer.shutdown();
        }
        assertThat(received).containsExactlyInAnyOrderElementsOf(sent);
    }

    @Test
    @Order(4)
    void clusterListOnHost1ShowsTheBrokerAtHost2sAddress() {
        ExecResult list = host1.exec("docker run --rm --network host --pull never " + IMAGE
            + " sh mqadmin clusterList -n " + nameServer, T);
        assertThat(list.ok()).as(list.tail(20)).isTrue();
        List<String> brokerLines = list.stdout().lines().filter(l -> l.contains("broker-a")).toList();
        assertThat(brokerLines).as(list.stdout()).hasSize(1);
        assertThat(brokerLines.get(0).trim().split("\\s+"))
            .as(list.stdout()).contains("DefaultCluster", "broker-a", "0", bed.host(2).address() + ":10911");
        System.out.println("clusterList:\n" + list.stdout().strip());
    }

    @Test
    @Order(5)
    void reportsMemory() {
        Map<String, String> rss = new java.util.LinkedHashMap<>();
        rss.put("namesrv (host1)", javaRss(host1));
        rss.put("broker (host2)", javaRss(host2));
        rss.forEach((what, kb) -> System.out.printf("memory: %s java RSS %s MiB%n", what, Long.parseLong(kb) / 1024));
        assertThat(rss.values()).allSatisfy(kb -> assertThat(Long.parseLong(kb)).isPositive());
    }

    /** Polls until the NameServer returns the topic's route (the broker registered it), or fails with the last error. */
    private static void awaitRoute(DefaultMQProducer producer) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(90));
        Exception last = null;
        while (Instant.now().isBefore(deadline)) {
            try {
                if (!producer.fetchPublishMessageQueues(TOPIC).isEmpty()) {
                    return;
                }
            } catch (MQClientException e) {
                last = e;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no route for " + TOPIC + " from " + nameServer, last);
    }

    /** RSS (KiB) of the java process inside the host (the RocketMQ container's process, seen from the host). */
    private static String javaRss(SshConnection host) {
        ExecResult ps = host.exec("ps -C java -o rss= | awk '{s+=$1} END {print s+0}'", T);
        assertThat(ps.ok()).as(ps.tail(5)).isTrue();
        return ps.stdout().strip();
    }

    private static void prepareDirs(SshConnection host, String role) {
        run(host, "mkdir -p " + DATA + "/" + role + "/logs " + DATA + "/" + role + "/store && chown -R 3000:3000 "
            + DATA + "/" + role);
    }

    private static void run(SshConnection host, String command) {
        ExecResult result = host.exec(command, T);
        assertThat(result.ok()).as("%s on %s: %s", command, host.hostName(), result.tail(20)).isTrue();
    }

    /** Polls the container's log until {@code line} shows up; fails early when the container exits. */
    private static void awaitLog(SshConnection host, String container, String line) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(120));
        ExecResult logs = null;
        while (Instant.now().isBefore(deadline)) {
            logs = host.exec("docker logs " + container + " 2>&1", T);
            if (logs.stdout().contains(line)) {
                return;
            }
            String state = host.exec("docker inspect -f '{{.State.Status}}' " + container, T).stdout().strip();
            assertThat(state).as("%s on %s stopped; log:\n%s", container, host.hostName(), logs.stdout()).isEqualTo("running");
            Thread.sleep(500);
        }
        throw new AssertionError(container + " on " + host.hostName() + " did not log '" + line + "' in time:\n"
            + (logs == null ? "" : logs.stdout()));
    }
}
