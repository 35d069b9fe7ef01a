package io.rmqfleet.controller.console;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.rocketmq.client.exception.MQClientException;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.remoting.protocol.admin.ConsumeStats;
import org.apache.rocketmq.remoting.protocol.body.ClusterInfo;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The console's HTTP surface on loopback with a canned admin: login like the official dashboard, the envelope,
 * the views, errors. (The real admin against real RocketMQ is ConsoleIT's job.)
 */
class ConsoleServerTest {
    static final ObjectMapper MAPPER = new ObjectMapper();
    ConsoleServer server;
    final HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    /** A cluster of one broker that answers every view; consumeStats fails for "broken". */
    static final class CannedAdmin implements ConsoleAdmin {
        boolean closed;

        @Override
        public ClusterInfo clusterInfo() {
            return ConsoleViewsTest.twoBrokers();
        }

        @Override
        public Map<String, String> brokerRuntimeStats(String brokerAddr) throws Exception {
            if (brokerAddr.endsWith(":11911")) {
                throw new MQClientException("connect to <" + brokerAddr + "> failed", null);
            }
            return Map.of("putTps", "1.00 1.00 1.00", "getTransferredTps", "2.00 2.00 2.00");
        }

        @Override
        public Set<String> topics() {
            return Set.of("orders", "TBW102");
        }

        @Override
        public Optional<TopicRouteData> route(String topic) {
            return topic.equals("orders") ? Optional.of(new TopicRouteData()) : Optional.empty();
        }

        @Override
        public Set<String> consumerGroups(String brokerAddr) {
            return Set.of("orders-group", "broken", "TOOLS_CONSUMER");
        }

        @Override
        public Optional<ConsumeStats> consumeStats(String group) throws Exception {
            if (group.equals("broken")) {
                throw new MQClientException(1, "the broker said no");
            }
            ConsumeStats stats = new ConsumeStats();
            stats.setOffsetTable(new HashMap<>(Map.of(ConsoleViewsTest.queue("broker-a", 0),
                ConsoleViewsTest.offsets(9, 4))));
            return Optional.of(stats);
        }

        @Override
        public List<MessageExt> messagesByKey(String topic, String key, int max) {
            return key.equals("order-17") ? List.of(ConsoleViewsTest.message("hi".getBytes())) : List.of();
        }

        @Override
        public Optional<MessageExt> messageById(String topic, String msgId) {
            return msgId.equals("7F0000010001AB") ? Optional.of(ConsoleViewsTest.message("hi".getBytes()))
                : Optional.empty();
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    final CannedAdmin admin = new CannedAdmin();

    void start(UsersFile users) throws Exception {
        server = ConsoleServer.start(new ConsoleOptions("127.0.0.1:9876", "127.0.0.1", 0, null, Duration.ofSeconds(2)),
            users, admin, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
            assertThat(admin.closed).isTrue();
        }
    }

    HttpResponse<String> get(String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).GET().build(),
            HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> login(String body, String contentType) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/login/login.do"))
            .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
            HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return MAPPER.readTree(response.body());
    }

    static UsersFile users() {
        return UsersFile.parse(Path.of("users.properties"), List.of("super=admin,1", "user1=user"));
    }

    @Test
    void withoutUsersEverythingIsOpen() throws Exception {
        start(null);
        HttpResponse<String> list = get("/cluster/list.query");
        assertThat(list.statusCode()).isEqualTo(200);
        JsonNode body = json(list);
        assertThat(body.path("status").asInt()).isZero();
        assertThat(body.at("/data/clusterInfo/brokerAddrTable/broker-a/brokerAddrs/0").asText()).isEqualTo("10.213.1.11:10911");
        assertThat(body.at("/data/brokers/0/putTps").asDouble()).isEqualTo(1.0);
        assertThat(body.at("/data/brokers/1/error").asText()).isEqualTo("runtime stats: connect to <10.213.1.12:11911> failed");
        assertThat(json(get("/login/check.query")).path("data").toString())
            .isEqualTo("{\"logined\":false,\"loginRequired\":false}");
        assertThat(json(login("username=super&password=admin", "application/x-www-form-urlencoded")).path("status").asInt())
            .isEqualTo(-1);
    }

    @Test
    void withUsersTheApiRedirectsToTheLoginPageUntilLoggedIn() throws Exception {
        start(users());
        HttpResponse<String> anonymous = get("/cluster/list.query");
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location").orElseThrow()).startsWith("/#/login?redirect=http");
        assertThat(get("/consumer/groupList.query").statusCode()).isEqualTo(302);
        assertThat(get("/").statusCode()).as("the page itself shows the login form").isEqualTo(200);
        assertThat(json(get("/login/check.query")).path("data").toString())
            .isEqualTo("{\"logined\":false,\"loginRequired\":true}");

        HttpResponse<String> wrong = login("username=super&password=nope", "application/x-www-form-urlencoded");
        assertThat(wrong.statusCode()).isEqualTo(200);
        assertThat(json(wrong).path("status").asInt()).isEqualTo(-1);
        assertThat(json(wrong).path("errMsg").asText()).isEqualTo("Bad username or password!");
        assertThat(get("/cluster/list.query").statusCode()).isEqualTo(302);

        HttpResponse<String> ok = login("username=super&password=admin", "application/x-www-form-urlencoded");
        assertThat(json(ok).path("data").toString())
            .isEqualTo("{\"loginUserName\":\"super\",\"loginUserRole\":1,\"contextPath\":\"/\"}");
        assertThat(ok.headers().firstValue("Set-Cookie").orElseThrow()).startsWith("JSESSIONID=").containsIgnoringCase("HttpOnly");
        assertThat(ok.body()).doesNotContain("admin\"");
        assertThat(get("/cluster/list.query").statusCode()).isEqualTo(200);
        assertThat(json(get("/login/check.query")).at("/data/logined").asBoolean()).isTrue();

        client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/login/logout.do"))
            .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(get("/cluster/list.query").statusCode()).isEqualTo(302);
    }

    @Test
    void loginAlsoAcceptsAJsonBodyLikeNewerDashboards() throws Exception {
        start(users());
        HttpResponse<String> ok = login("{\"username\":\"user1\",\"password\":\"user\"}", "application/json");
        assertThat(json(ok).at("/data/loginUserRole").asInt()).isZero();
        assertThat(get("/topic/list.query").statusCode()).isEqualTo(200);
    }

    @Test
    void viewsAnswerInTheEnvelopeAndSayWhatIsMissing() throws Exception {
        start(null);
        assertThat(json(get("/topic/list.query")).path("data").toString())
            .isEqualTo("{\"topicList\":[\"orders\"],\"systemTopics\":[\"TBW102\"]}");
        assertThat(json(get("/topic/route.query?topic=orders")).at("/data/topic").asText()).isEqualTo("orders");
        JsonNode missing = json(get("/topic/route.query?topic=nope"));
        assertThat(missing.path("status").asInt()).isEqualTo(-1);
        assertThat(missing.path("errMsg").asText()).isEqualTo("No route info of this topic: nope");
        HttpResponse<String> noParam = get("/topic/route.query");
        assertThat(noParam.statusCode()).isEqualTo(400);
        assertThat(json(noParam).path("errMsg").asText()).isEqualTo("missing query parameter 'topic'");

        JsonNode groups = json(get("/consumer/groupList.query")).path("data");
        assertThat(groups).hasSize(3);
        assertThat(groups.findValues("group")).extracting(JsonNode::asText)
            .containsExactly("TOOLS_CONSUMER", "broken", "orders-group");
        assertThat(groups.get(2).path("diffTotal").asLong()).isEqualTo(5);
        assertThat(groups.get(1).path("error").asText()).contains("the broker said no");
        assertThat(groups.get(0).path("system").asBoolean()).isTrue();

        JsonNode byKey = json(get("/message/queryMessageByTopicAndKey.query?topic=orders&key=order-17")).path("data");
        assertThat(byKey).hasSize(1);
        assertThat(byKey.get(0).path("msgId").asText()).isEqualTo("7F0000010001AB");
        assertThat(json(get("/message/queryMessageByTopicAndKey.query?topic=orders&key=none")).path("data")).isEmpty();
        assertThat(json(get("/message/viewMessage.query?topic=orders&msgId=7F0000010001AB")).at("/data/messageView/keys")
            .asText()).isEqualTo("order-17");
        assertThat(json(get("/message/viewMessage.query?topic=orders&msgId=00")).path("errMsg").asText())
            .isEqualTo("no message 00 in topic orders");
        assertThat(get("/").body()).contains("<title>rmqfleet console</title>");
    }
}
