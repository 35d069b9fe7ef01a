package io.rmqfleet.controller.http.auth;

import io.vertx.core.http.HttpServerRequest;

/** Reads {@code Authorization: Bearer <token>}; anything else is no token. */
public final class BearerToken {
    private static final String PREFIX = "bearer ";

    private BearerToken() {
    }

    public static String from(HttpServerRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || header.length() <= PREFIX.length()
                || !header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return null;
        }
        return header.substring(PREFIX.length()).trim();
    }
}
