package io.rmqfleet.controller.connection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 */
final class KnownHostsVerifier implements HostKeyVerifier {
    private final List<Path> files;
    private final List<OpenSSHKnownHosts> knownHosts = new ArrayList<>();
    private volatile HostKeyRejection rejection;

    KnownHostsVerifier(List<Path> files) throws IOException {
        this.files = List.copyOf(files);
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
        rejection = new HostKeyRejection(hostListed ? HostKeyRejection.Kind.CHANGED : HostKeyRejection.Kind.UNKNOWN,
            type.toString(), sha256Fingerprint(key), files);
        return false;
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
