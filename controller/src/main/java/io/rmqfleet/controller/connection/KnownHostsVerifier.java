package io.rmqfleet.controller.connection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;

/**
 * Strict host key checking against one or more known_hosts files (OpenSSH format, hashed entries too): a key
 * listed for the host is accepted; an unknown or changed key is refused and the reason kept for the message.
 * With {@code acceptNew} (OpenSSH's {@code StrictHostKeyChecking=accept-new}) an unknown key is appended to the
 * first file and accepted; a changed key is still refused.
 */
final class KnownHostsVerifier implements HostKeyVerifier {
    /** Every verifier of the process appends through this lock, so concurrent connections never interleave lines. */
    private static final Object APPEND_LOCK = new Object();

    private final List<Path> files;
    private final boolean acceptNew;
    private final List<OpenSSHKnownHosts> knownHosts = new ArrayList<>();
    private volatile HostKeyRejection rejection;
    private volatile String recorded;

    KnownHostsVerifier(List<Path> files) throws IOException {
        this(files, false);
    }

    KnownHostsVerifier(List<Path> files, boolean acceptNew) throws IOException {
        this.files = List.copyOf(files);
        this.acceptNew = acceptNew;
        for (Path file : files) {
            if (Files.isRegularFile(file)) {
                knownHosts.add(new OpenSSHKnownHosts(file.toFile()));
            }
        }
    }

    @Override
    public boolean verify(String hostname, int port, PublicKey key) {
        String lower = hostname.toLowerCase(java.util.Locale.ROOT);
        String host = port == 22 ? lower : "[" + lower + "]:" + port;
        KeyType type = KeyType.fromKey(key);
        boolean hostListed = false;
        for (OpenSSHKnownHosts file : knownHosts) {
            for (OpenSSHKnownHosts.KnownHostEntry entry : file.entries()) {
                try {
                    if (entry.appliesTo(type, host)) {
                        hostListed = true;
                        if (entry.verify(key)) {
                            return true;
                        }
                    }
                } catch (IOException e) {
                    // A malformed entry vouches for nothing; keep looking.
                }
            }
        }
        if (!hostListed && acceptNew && !files.isEmpty()) {
            return record(host, type, key);
        }
        rejection = new HostKeyRejection(hostListed ? HostKeyRejection.Kind.CHANGED : HostKeyRejection.Kind.UNKNOWN,
            type.toString(), sha256Fingerprint(key), files);
        return false;
    }

    /** Trust on first use: appends {@code host type base64} to the first known_hosts file. */
    private boolean record(String host, KeyType type, PublicKey key) {
        Path file = files.get(0);
        String blob = Base64.getEncoder().encodeToString(new Buffer.PlainBuffer().putPublicKey(key).getCompactData());
        String line = host + " " + type + " " + blob + "\n";
        synchronized (APPEND_LOCK) {
            try {
                Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                String prefix = "";
                if (Files.isRegularFile(file) && Files.size(file) > 0) {
                    String existing = Files.readString(file, StandardCharsets.UTF_8);
                    prefix = existing.endsWith("\n") ? "" : "\n";
                }
                Files.writeString(file, prefix + line, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            } catch (IOException e) {
                rejection = new HostKeyRejection(HostKeyRejection.Kind.UNKNOWN, type.toString(), sha256Fingerprint(key),
                    files);
                return false;
            }
        }
        recorded = type + " " + sha256Fingerprint(key) + " to " + file;
        return true;
    }

    /** What was recorded by trust on first use ("ssh-ed25519 SHA256:... to FILE"), if anything. */
    Optional<String> recorded() {
        return Optional.ofNullable(recorded);
    }

    /** Ask the server for a key type we know for this host, or it may present another type we cannot check. */
    @Override
    public List<String> findExistingAlgorithms(String hostname, int port) {
        LinkedHashSet<String> algorithms = new LinkedHashSet<>();
        for (OpenSSHKnownHosts file : knownHosts) {
            algorithms.addAll(file.findExistingAlgorithms(hostname, port));
        }
        return new ArrayList<>(algorithms);
    }

    Optional<HostKeyRejection> rejection() {
        return Optional.ofNullable(rejection);
    }

    /** {@code SHA256:...} as {@code ssh-keygen -l} prints it. */
    static String sha256Fingerprint(PublicKey key) {
        byte[] blob = new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
