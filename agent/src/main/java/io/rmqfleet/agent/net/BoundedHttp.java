package io.rmqfleet.agent.net;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.RequestOptions;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP exchange that cannot hang and cannot flood the heap: the whole exchange (after connecting) is cut
 * after a deadline, and at most {@code maxBody} bytes of the answer are kept. The agent runs with a 48 MiB heap
 * and must survive a controller or dockerd that answers slowly, forever, or with gigabytes.
 */
public final class BoundedHttp {
    private final Vertx vertx;
    private final HttpClient client;

    public BoundedHttp(Vertx vertx, HttpClient client) {
        this.vertx = vertx;
        this.client = client;
    }

    /**
     * Sends the request (with {@code body} unless null) and reads the answer. Fails on connection errors and
     * when no complete answer arrived within {@code deadlineMillis}.
     */
    public Future<HttpReply> exchange(RequestOptions options, Buffer body, long deadlineMillis, int maxBody) {
        Promise<HttpReply> reply = Promise.promise();
        client.request(options).onComplete(requested -> {
            if (requested.failed()) {
                reply.tryFail(requested.cause());
                return;
            }
            HttpClientRequest request = requested.result();
            long timer = vertx.setTimer(deadlineMillis, id -> {
                TimeoutException timeout =
                        new TimeoutException("no complete answer within " + deadlineMillis + " ms");
                if (reply.tryFail(timeout)) {
                    request.reset(0, timeout);
                }
            });
            reply.future().onComplete(done -> vertx.cancelTimer(timer));
            Future<HttpClientResponse> sent = body == null ? request.send() : request.send(body);
            sent.onComplete(answered -> {
                if (answered.failed()) {
                    reply.tryFail(answered.cause());
                } else {
                    readBounded(answered.result(), maxBody, reply);
                }
            });
        });
        return reply.future();
    }

    private static void readBounded(HttpClientResponse response, int maxBody, Promise<HttpReply> reply) {
        Buffer kept = Buffer.buffer(Math.min(maxBody, 8192));
        boolean[] truncated = {false};
        response.exceptionHandler(reply::tryFail);
        response.handler(chunk -> {
            int room = maxBody - kept.length();
            if (chunk.length() <= room) {
                kept.appendBuffer(chunk);
            } else {
                // Keep reading (and discarding) so the connection stays usable for the next request.
                if (room > 0) {
                    kept.appendBuffer(chunk, 0, room);
                }
                truncated[0] = true;
            }
        });
        response.endHandler(end -> reply.tryComplete(new HttpReply(response.statusCode(),
                response.getHeader("Retry-After"), kept, truncated[0])));
    }
}
