package io.rmqfleet.agent.net;

import io.vertx.core.buffer.Buffer;

/**
 * An HTTP answer read with a size bound.
 *
 * @param status     the status code
 * @param retryAfter the {@code Retry-After} header, or null
 * @param body       the body, at most the bound given to {@link BoundedHttp}
 * @param truncated  true when the body was longer than the bound and the rest was discarded
 */
public record HttpReply(int status, String retryAfter, Buffer body, boolean truncated) {
}
