package io.rmqfleet.agent.collect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.rmqfleet.agent.net.BoundedHttp;
import io.rmqfleet.agent.net.HttpReply;
import io.rmqfleet.common.report.ContainerLabels;
import io.rmqfleet.common.report.ContainerStatus;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the managed containers from the Docker Engine API over its unix socket: one list call filtered by the
 * {@code rmqfleet.managed=true} label, then one inspect per container (restart count, health and exit code are
 * only in the inspect answer). Read-only GETs, nothing else.
 */
public final class DockerEngine implements ContainerSource {
    static final String LIST_URI = "/containers/json?all=1&filters="
            + URLEncoder.encode("{\"label\":[\"" + ContainerLabels.MANAGED + "=true\"]}", StandardCharsets.UTF_8);
    /** An inspect answer is ~10 KiB (health log included); a list of hundreds of containers stays far below. */
    private static final int MAX_ANSWER_BYTES = 4 * 1024 * 1024;

    private final BoundedHttp http;
    private final SocketAddress socket;
    private final String socketPath;
    private final Duration timeout;
    private final ObjectMapper json = new ObjectMapper();

    public DockerEngine(BoundedHttp http, String socketPath, Duration timeout) {
        this.http = http;
        this.socket = SocketAddress.domainSocketAddress(socketPath);
        this.socketPath = socketPath;
        this.timeout = timeout;
    }

    @Override
    public Future<List<ContainerStatus>> managedContainers() {
        return get(LIST_URI).map(DockerInspect::ids).compose(this::inspectAll);
    }

    private Future<List<ContainerStatus>> inspectAll(List<String> ids) {
        List<Future<ContainerStatus>> inspected = new ArrayList<>(ids.size());
        for (String id : ids) {
            inspected.add(inspect(id));
        }
        return Future.all(inspected).map(all -> {
            List<ContainerStatus> statuses = new ArrayList<>(ids.size());
            for (int i = 0; i < ids.size(); i++) {
                ContainerStatus status = all.resultAt(i);
                if (status != null) {
                    statuses.add(status);
                }
            }
            return statuses;
        });
    }

    /** The container may have been removed between the list and the inspect: then it simply is gone (null). */
    private Future<ContainerStatus> inspect(String id) {
        return exchange("/containers/" + id + "/json").map(reply -> {
            if (reply.status() == 404) {
                return null;
            }
            return DockerInspect.status(parse(reply, "/containers/" + id.substring(0, 12) + "/json"));
        });
    }

    private Future<JsonNode> get(String uri) {
        return exchange(uri).map(reply -> parse(reply, "/containers/json"));
    }

    private Future<HttpReply> exchange(String uri) {
        RequestOptions options = new RequestOptions()
                .setServer(socket)
                .setHost("localhost")
                .setMethod(HttpMethod.GET)
                .setURI(uri)
                .setConnectTimeout(timeout.toMillis())
                .setIdleTimeout(timeout.toMillis());
        return http.exchange(options, null, timeout.toMillis(), MAX_ANSWER_BYTES)
                .recover(failure -> Future.failedFuture(new IOException(
                        "cannot reach the Docker engine at " + socketPath + ": " + failure.getMessage(), failure)));
    }

    private JsonNode parse(HttpReply reply, String what) {
        if (reply.status() != 200) {
            throw new IllegalStateException("Docker engine answered HTTP " + reply.status() + " to GET " + what
                    + ": " + reply.body().toString(StandardCharsets.UTF_8).trim());
        }
        if (reply.truncated()) {
            throw new IllegalStateException("Docker engine answer to GET " + what + " exceeds "
                    + MAX_ANSWER_BYTES + " bytes");
        }
        try {
            return json.readTree(reply.body().getBytes());
        } catch (IOException e) {
            throw new IllegalStateException("Docker engine sent malformed JSON for GET " + what, e);
        }
    }
}
