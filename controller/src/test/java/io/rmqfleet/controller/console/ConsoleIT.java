package io.rmqfleet.controller.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rmqfleet.controller.rocketmq.BrokerNode;
import io.rmqfleet.controller.rocketmq.BrokerRole;
import io.rmqfleet.controller.rocketmq.ClusterLayout;
import io.rmqfleet.controller.rocketmq.DashboardLogin;
import io.rmqfleet.controller.rocketmq.DashboardNode;
import io.rmqfleet.controller.rocketmq.FlushDiskType;
import io.rmqfleet.controller.rocketmq.NameServerNode;
import io.rmqfleet.controller.rocketmq.verify.CheckResult;
import io.rmqfleet.controller.rocketmq.verify.ConsoleClusterProbe;
import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendResult;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.consumer.ConsumeFromWhere;
import org.apache.rocketmq.common.message.Message;
import org.apache.rocketmq.tools.admin.DefaultMQAdminExt;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console image against real RocketMQ: a NameServer and a broker from rmqfleet/rocketmq:5.3.3 and the console
 * from rmqfleet/console:latest (login on), each a container on a network of our own on this machine's dockerd.
 * Everything is asked over HTTP through the console container, as a person or the verify probe would.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleIT {
    static final String NETWORK = "rmqfleet-console-it";
    static final String SUBNET = "10.213.231.0/24";
    static final String LABEL = "rmqfleet.it=console";
    static final String NS_IP = "10.213.231.10";
    static final String BROKER_IP = "10.213.231.11";
    static final String CONSOLE_IP = "10.213.231.20";
    static final String NAMESRV = NS_IP + ":9876";
    static final String CONSOLE = "http://" + CONSOLE_IP + ":8080";
    static final String TOPIC = "ConsoleItTopic";
    static final String GROUP = "console-it-group";
    static final String KEY = "order-" + Long.toString(System.currentTimeMillis(), 36);
    static final String USER = "ops";
    static final String PASSWORD = "It-s3cret";
    static final Duration BOOT = Duration.ofMinutes(4);
    static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    static Path dir;
    static final List<String> sentIds = new ArrayList<>();
    static HttpClient client;

    @BeforeAll
    static void startClusterAndConsole() throws Exception {
        removeAll();
        docker("network", "create", "--internal", "--label", LABEL, "--subnet", SUBNET, NETWORK);
        docker("run", "-d", "--name", "rmqfleet-console-it-ns", "--label", LABEL, "--network", NETWORK, "--ip", NS_IP,
            "--pull", "never", "-e", "HEAP_OPTS=-Xms96m -Xmx96m", "rmqfleet/rocketmq:5.3.3", "sh", "mqnamesrv");
        Path conf = dir.resolve("broker.conf");
        Files.writeString(conf, String.join("\n", "brokerClusterName=ConsoleIt", "brokerName=broker-a", "brokerId=0",
            "brokerRole=ASYNC_MASTER", "flushDiskType=ASYNC_FLUSH", "listenPort=10911", "brokerIP1=" + BROKER_IP,
            "namesrvAddr=" + NAMESRV, "mappedFileSizeCommitLog=67108864", ""));
        conf.toFile().setReadable(true, false);
        awaitLog("rmqfleet-console-it-ns", "The Name Server boot success");
        docker("run", "-d", "--name", "rmqfleet-console-it-broker", "--label", LABEL, "--network", NETWORK, "--ip",
            BROKER_IP, "--pull", "never", "--stop-timeout", "30",
            "-e", "HEAP_OPTS=-Xms192m -Xmx192m -XX:MaxDirectMemorySize=192m",
            "-v", conf.toAbsolutePath() + ":/home/rocketmq/broker.conf:ro", "rmqfleet/rocketmq:5.3.3", "sh", "mqbroker",
            "-c", "/home/rocketmq/broker.conf");

        Path users = dir.resolve("users.properties");
        Files.writeString(users, "# console logins\n" + USER + "=" + PASSWORD + ",1\nviewer=other\n");
        Files.setPosixFilePermissions(users, PosixFilePermissions.fromString("rw-r--r--"));
        docker("run", "-d", "--name", "rmqfleet-console-it-console", "--label", LABEL, "--network", NETWORK, "--ip",
            CONSOLE_IP, "--pull", "never", "-v", users.toAbsolutePath() + ":/etc/rmqfleet/users.properties:ro",
            "rmqfleet/console:latest", "--namesrv", NAMESRV, "--users-file", "/etc/rmqfleet/users.properties");
        awaitLog("rmqfleet-console-it-broker", "boot success");
        awaitLog("rmqfleet-console-it-console", "rmqfleet console: listening on 0.0.0.0:8080");
        client = HttpClient.newBuilder().cookieHandler(new CookieManager()).connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @AfterAll
    static void removeEverything() {
        String logs = run("logs", "--tail", "40", "rmqfleet-console-it-console").out();
        System.out.println("console container log (tail):\n" + logs);
        assertThat(logs).as("the password never reaches the console's output").doesNotContain(PASSWORD);
        removeAll();
        assertThat(run("ps", "-aq", "--filter", "label=" + LABEL).out()).isBlank();
    }

    @Test
    @Order(1)
    void theApiRequiresALoginLikeTheOfficialDashboard() throws Exception {
        HttpResponse<String> anonymous = get("/cluster/list.query");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).startsWith("/#/login?redirect=");
        assertThat(get("/").body()).contains("rmqfleet console");

        JsonNode wrong = json(login(USER, "wrong"));
        assertThat(wrong.path("status").asInt()).isEqualTo(-1);
        assertThat(wrong.path("errMsg").asText()).isEqualTo("Bad username or password!");
        assertThat(get("/cluster/list.query").statusCode()).isEqualTo(302);

        JsonNode ok = json(login(USER, PASSWORD));
        assertThat(ok.path("status").asInt()).isZero();
        assertThat(ok.at("/data/loginUserName").asText()).isEqualTo(USER);
        assertThat(get("/cluster/list.query").statusCode()).isEqualTo(200);
    }

    @Test
    @Order(2)
    void listsTheBrokerWithItsAddressRoleAndTps() throws Exception {
        // A freshly booted broker reports blank TPS until its stats sampler has filled the first window.
        JsonNode data = pollData("/cluster/list.query",
            d -> d.at("/clusterInfo/brokerAddrTable/broker-a/brokerAddrs/0").isTextual()
                && d.at("/brokers/0/putTps").isNumber(), Duration.ofSeconds(90));
        assertThat(data.at("/clusterInfo/brokerAddrTable/broker-a/brokerAddrs/0").asText()).isEqualTo(BROKER_IP + ":10911");
        assertThat(data.at("/clusterInfo/clusterAddrTable/ConsoleIt/0").asText()).isEqualTo("broker-a");
        // Three windows (10 s, 1 min, 10 min), filled one after the other after a boot: "0.0  " at first.
        assertThat(data.at("/brokerServer/broker-a/0/putTps").asText()).matches("[0-9.]+( [0-9.]*)*");
        JsonNode row = data.path("brokers").get(0);
        assertThat(row.path("address").asText()).isEqualTo(BROKER_IP + ":10911");
        assertThat(row.path("role").asText()).isEqualTo("MASTER");
        assertThat(row.path("version").asText()).isEqualTo("V5_3_3");
        assertThat(row.path("putTps").isNumber()).as(row.toString()).isTrue();
        assertThat(row.path("getTps").isNumber()).as(row.toString()).isTrue();
        assertThat(row.has("error")).as(row.toString()).isFalse();
    }

    @Test
    @Order(3)
    void showsTheTopicRouteAndFindsMessagesByKeyAndId() throws Exception {
        produce(5);
        JsonNode topics = pollData("/topic/list.query", d -> d.path("topicList").toString().contains(TOPIC),
            Duration.ofSeconds(30));
        assertThat(topics.path("systemTopics").toString()).contains("TBW102");

        JsonNode route = data(get("/topic/route.query?topic=" + TOPIC));
        assertThat(route.at("/queueDatas/0/brokerName").asText()).isEqualTo("broker-a");
        assertThat(route.at("/queueDatas/0/writeQueueNums").asInt()).isEqualTo(4);
        assertThat(route.at("/queueDatas/0/readQueueNums").asInt()).isEqualTo(4);
        assertThat(route.at("/brokerDatas/0/brokerAddrs/0").asText()).isEqualTo(BROKER_IP + ":10911");

        // The key index is written asynchronously after the message is stored.
        JsonNode found = pollData("/message/queryMessageByTopicAndKey.query?topic=" + TOPIC + "&key=" + KEY,
            d -> d.size() == 5, Duration.ofSeconds(60));
        Set<String> ids = new TreeSet<>();
        found.forEach(m -> ids.add(m.path("msgId").asText()));
        assertThat(ids).containsExactlyInAnyOrderElementsOf(sentIds);
        assertThat(found.get(0).path("keys").asText()).isEqualTo(KEY);
        assertThat(found.get(0).path("storeHost").asText()).isEqualTo(BROKER_IP + ":10911");
        assertThat(found.get(0).path("messageBody").asText()).startsWith("console-it message ");

        JsonNode byId = data(get("/message/viewMessage.query?topic=" + TOPIC + "&msgId=" + sentIds.get(0)));
        assertThat(byId.at("/messageView/msgId").asText()).isEqualTo(sentIds.get(0));
        assertThat(byId.at("/messageView/keys").asText()).isEqualTo(KEY);
        JsonNode none = json(get("/message/queryMessageByTopicAndKey.query?topic=" + TOPIC + "&key=no-such-key"));
        assertThat(none.path("data")).isEmpty();
    }

    @Test
    @Order(4)
    void reportsConsumerLag() throws Exception {
        consumeAll(5);
        produce(3);
        JsonNode groups = pollData("/consumer/groupList.query", d -> lagOf(d) == 3, Duration.ofSeconds(90));
        JsonNode row = group(groups);
        assertThat(row.path("diffTotal").asLong()).isEqualTo(3);
        assertThat(row.at("/diffPerBroker/broker-a").asLong()).isEqualTo(3);
        assertThat(row.path("queues").asInt()).isEqualTo(4);
    }

    @Test
    @Order(5)
    void verifysProbeLogsInAndFindsTheBroker() {
        BrokerNode broker = new BrokerNode("b", BROKER_IP, "ConsoleIt", "broker-a", 0, BrokerRole.ASYNC_MASTER,
            FlushDiskType.ASYNC_FLUSH, 10911, BROKER_IP, BROKER_IP, List.of(BROKER_IP));
        DashboardNode dash = new DashboardNode("dash", CONSOLE_IP, 8080, new DashboardLogin(USER, PASSWORD));
        ClusterLayout layout = ClusterLayout.of(List.of(new NameServerNode("ns", NS_IP, 9876)), List.of(broker),
            List.of(dash));
        CheckResult ok = new ConsoleClusterProbe().check(dash, layout, Duration.ofSeconds(10));
        assertThat(ok.passed()).as(ok.toString()).isTrue();
        assertThat(ok.toString()).doesNotContain(PASSWORD);

        DashboardNode wrong = new DashboardNode("dash", CONSOLE_IP, 8080, new DashboardLogin(USER, "nope"));
        CheckResult failed = new ConsoleClusterProbe().check(wrong, layout, Duration.ofSeconds(10));
        assertThat(failed.failed()).isTrue();
        assertThat(failed.detail()).contains("Bad username or password!");
    }

    // ---- RocketMQ clients ----

    static void produce(int count) throws Exception {
        DefaultMQAdminExt admin = new DefaultMQAdminExt(10_000);
        admin.setNamesrvAddr(NAMESRV);
        admin.setInstanceName("console-it-admin");
        admin.setVipChannelEnabled(false);
        DefaultMQProducer producer = new DefaultMQProducer("console-it-producer");
        producer.setNamesrvAddr(NAMESRV);
        producer.setInstanceName("console-it-producer");
        producer.setVipChannelEnabled(false);
        producer.setSendMsgTimeout(10_000);
        admin.start();
        producer.start();
        try {
            admin.createAndUpdateTopicConfig(BROKER_IP + ":10911", new TopicConfig(TOPIC, 4, 4, 6));
            Instant end = Instant.now().plus(Duration.ofSeconds(60));
            int sent = 0;
            while (sent < count) {
                Message m = new Message(TOPIC, "it", KEY,
                    ("console-it message " + sentIds.size()).getBytes(StandardCharsets.UTF_8));
                try {
                    SendResult result = producer.send(m);
                    assertThat(result.getSendStatus()).isEqualTo(SendStatus.SEND_OK);
                    sentIds.add(result.getMsgId());
                    sent++;
                } catch (Exception e) {
                    // "No route info" until the new topic reaches the NameServer (next broker heartbeat).
                    if (Instant.now().isAfter(end)) {
                        throw e;
                    }
                    Thread.sleep(500);
                }
            }
        } finally {
            producer.shutdown();
            admin.shutdown();
        }
    }

    /** Consumes until count messages arrived, then shuts down, which commits the offsets to the broker. */
    static void consumeAll(int count) throws Exception {
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer(GROUP);
        consumer.setNamesrvAddr(NAMESRV);
        consumer.setInstanceName("console-it-consumer");
        consumer.setVipChannelEnabled(false);
        consumer.setConsumeFromWhere(ConsumeFromWhere.CONSUME_FROM_FIRST_OFFSET);
        consumer.subscribe(TOPIC, "*");
        AtomicInteger consumed = new AtomicInteger();
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            consumed.addAndGet(messages.size());
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        try {
            Instant end = Instant.now().plus(Duration.ofSeconds(90));
            while (consumed.get() < count && Instant.now().isBefore(end)) {
                Thread.sleep(200);
            }
            assertThat(consumed.get()).isGreaterThanOrEqualTo(count);
        } finally {
            consumer.shutdown();
        }
    }

    static JsonNode group(JsonNode groups) {
        for (JsonNode g : groups) {
            if (g.path("group").asText().equals(GROUP)) {
                return g;
            }
        }
        return MAPPER.createObjectNode();
    }

    static long lagOf(JsonNode groups) {
        JsonNode lag = group(groups).path("diffTotal");
        return lag.isNumber() ? lag.asLong() : -1;
    }

    // ---- HTTP through the console container ----

    static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(CONSOLE + path)).timeout(Duration.ofSeconds(30)).GET()
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    static HttpResponse<String> login(String user, String password) throws IOException, InterruptedException {
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
            + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return client.send(HttpRequest.newBuilder(URI.create(CONSOLE + "/login/login.do"))
            .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form))
            .build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws IOException {
        return MAPPER.readTree(response.body());
    }

    static JsonNode data(HttpResponse<String> response) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.path("status").asInt()).as(response.body()).isZero();
        return body.path("data");
    }

    /** GETs path until its data satisfies done or the patience runs out; returns the last data. */
    static JsonNode pollData(String path, Predicate<JsonNode> done, Duration patience) throws Exception {
        Instant end = Instant.now().plus(patience);
        JsonNode last = null;
        while (true) {
            HttpResponse<String> response = get(path);
            JsonNode body = response.statusCode() == 200 ? json(response) : null;
            last = body == null ? null : body.path("data");
            if (last != null && body.path("status").asInt() == 0 && done.test(last)) {
                return last;
            }
            if (Instant.now().isAfter(end)) {
                throw new AssertionError(path + " did not reach the expected state within " + patience + "; last: "
                    + response.statusCode() + " " + response.body());
            }
            Thread.sleep(1000);
        }
    }

    // ---- docker CLI ----

    record Result(int exit, String out) {
    }

    static Result run(String... args) {
        List<String> cmd = new ArrayList<>(List.of("docker"));
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return new Result(p.waitFor(), out);
        } catch (IOException e) {
            throw new IllegalStateException("cannot run docker", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static String docker(String... args) {
        Result r = run(args);
        if (r.exit() != 0) {
            throw new IllegalStateException("docker " + String.join(" ", args) + " failed: " + r.out());
        }
        return r.out();
    }

    static void removeAll() {
        String ids = run("ps", "-aq", "--filter", "label=" + LABEL).out().strip();
        if (!ids.isEmpty()) {
            List<String> args = new ArrayList<>(List.of("rm", "-f", "-v"));
            args.addAll(List.of(ids.split("\\s+")));
            run(args.toArray(String[]::new));
        }
        if (run("network", "inspect", NETWORK).exit() == 0) {
            run("network", "rm", NETWORK);
        }
    }

    static void awaitLog(String name, String line) throws InterruptedException {
        Instant end = Instant.now().plus(BOOT);
        while (Instant.now().isBefore(end)) {
            String logs = run("logs", name).out();
            if (logs.contains(line)) {
                return;
            }
            String state = run("inspect", "-f", "{{.State.Status}}", name).out().strip();
            if (state.equals("exited") || state.equals("dead")) {
                throw new IllegalStateException(name + " exited before '" + line + "':\n" + logs);
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " did not log '" + line + "' within " + BOOT + ":\n"
            + run("logs", "--tail", "30", name).out());
    }
}
