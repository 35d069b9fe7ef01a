package io.rmqfleet.testbed;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * An SSH public key as it appears in {@code *.pub}, authorized_keys and known_hosts files
 * ({@code TYPE BASE64 [comment]}), with the SHA256 fingerprint OpenSSH prints ({@code SHA256:...}, no padding).
 */
public record HostPublicKey(String type, String base64) {

    public HostPublicKey {
        if (type == null || type.isBlank() || base64 == null || base64.isBlank()) {
            throw new IllegalArgumentException("public key needs a type and a base64 body");
        }
        String embedded = embeddedType(Base64.getDecoder().decode(base64));
        if (!embedded.equals(type)) {
            throw new IllegalArgumentException("public key says " + type + " but its body is " + embedded);
        }
    }

    /** Parses a {@code .pub} line; the comment is dropped (it is the generating host's name, not identity). */
    public static HostPublicKey parse(String line) {
        String[] parts = line.strip().split("\\s+");
        if (parts.length < 2) {
            throw new IllegalArgumentException("not an SSH public key line: " + line.strip());
        }
        try {
            return new HostPublicKey(parts[0], parts[1]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an SSH public key line (" + e.getMessage() + "): " + line.strip(), e);
        }
    }

    public byte[] blob() {
        return Base64.getDecoder().decode(base64);
    }

    /** {@code SHA256:<base64 of the SHA-256 of the key blob, without padding>}, as {@code ssh-keygen -lf} prints. */
    public String sha256Fingerprint() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob());
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** A known_hosts line for {@code address}; OpenSSH writes non-22 ports as {@code [address]:port}. */
    public String knownHostsLine(String address, int port) {
        String host = port == 22 ? address : "[" + address + "]:" + port;
        return host + " " + type + " " + base64;
    }

    public String line() {
        return type + " " + base64;
    }

    /** The key blob starts with its own type as an SSH string (uint32 length + bytes). */
    private static String embeddedType(byte[] blob) {
        if (blob.length < 4) {
            throw new IllegalArgumentException("key body too short");
        }
        ByteBuffer buffer = ByteBuffer.wrap(blob);
        int length = buffer.getInt();
        if (length <= 0 || length > blob.length - 4) {
            throw new IllegalArgumentException("key body is malformed");
        }
        byte[] name = new byte[length];
        buffer.get(name);
        return new String(name, StandardCharsets.US_ASCII);
    }
}
