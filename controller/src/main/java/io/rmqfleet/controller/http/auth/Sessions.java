package io.rmqfleet.controller.http.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Dashboard logins: a random session id in an HttpOnly cookie stands for the admin token, so the page's
 * JavaScript never holds the token. Sessions live in memory (a controller restart logs everyone out) and expire.
 */
public final class Sessions {
    public static final String COOKIE = "rmqfleet_session";
    private static final int MAX_SESSIONS = 10_000;
    private final Map<String, Instant> expiry = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final Duration lifetime;

    public Sessions(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
    }

    public Duration lifetime() {
        return lifetime;
    }

    public String create() {
        purgeExpired();
        if (expiry.size() >= MAX_SESSIONS) {
            throw new IllegalStateException("too many sessions");
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        expiry.put(id, clock.instant().plus(lifetime));
        return id;
    }

    public boolean valid(String id) {
        if (id == null) {
            return false;
        }
        Instant until = expiry.get(id);
        if (until == null) {
            return false;
        }
        if (!clock.instant().isBefore(until)) {
            expiry.remove(id);
            return false;
        }
        return true;
    }

    public void remove(String id) {
        if (id != null) {
            expiry.remove(id);
        }
    }

    private void purgeExpired() {
        Instant now = clock.instant();
        for (Iterator<Instant> it = expiry.values().iterator(); it.hasNext(); ) {
            if (!now.isBefore(it.next())) {
                it.remove();
            }
        }
    }
}
