package io.rmqfleet.controller.http.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * A token kept only as its SHA-256. Comparing digests with {@link MessageDigest#isEqual} takes the same time
 * wherever the presented token differs, and whatever its length, so timing tells an attacker nothing.
 */
public final class TokenDigest {
    private final byte[] digest;

    private TokenDigest(byte[] digest) {
        this.digest = digest;
    }

    public static TokenDigest of(String token) {
        return new TokenDigest(sha256(token));
    }

    public boolean matches(String presented) {
        return presented != null && MessageDigest.isEqual(digest, sha256(presented));
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /** Never shows the token or its digest. */
    @Override
    public String toString() {
        return "TokenDigest[****]";
    }
}
