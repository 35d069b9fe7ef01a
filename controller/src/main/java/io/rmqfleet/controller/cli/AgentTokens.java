package io.rmqfleet.controller.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;

/**
 * One random token per host, written to one file (mode 0600) in the shape both readers take: {@code serve}'s
 * {@code agent_tokens_file} and the playbook's {@code -e @FILE} ({@code agent_tokens: {host: token}}).
 */
final class AgentTokens {
    private static final SecureRandom RANDOM = new SecureRandom();

    private AgentTokens() {
    }

    /** Writes a fresh token for every host to {@code file} (replacing it), readable only by its owner. */
    static Path write(Path file, Collection<String> hosts) throws IOException {
        StringBuilder yaml = new StringBuilder("# Agent tokens: serve's agent_tokens_file and the playbook's -e @FILE.\n"
                + "agent_tokens:\n");
        for (String host : hosts) {
            yaml.append("  ").append(host).append(": ").append(token()).append('\n');
        }
        Files.deleteIfExists(file);
        Files.createDirectories(file.toAbsolutePath().getParent());
        // created 0600 before anything is written: the secret is never readable by others, not even briefly
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, yaml, StandardCharsets.UTF_8);
        return file;
    }

    static String token() {
        byte[] random = new byte[24];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
