package io.rmqfleet.testbed;

import java.security.PublicKey;
import java.util.Arrays;
import java.util.List;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;

/** Accepts exactly one host key (the one read from the container), and asks the server for that key type. */
final class PinnedHostKeyVerifier implements HostKeyVerifier {
    private final HostPublicKey expected;

    PinnedHostKeyVerifier(HostPublicKey expected) {
        this.expected = expected;
    }

    @Override
    public boolean verify(String hostname, int port, PublicKey key) {
        byte[] presented = new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
        return Arrays.equals(presented, expected.blob());
    }

    @Override
    public List<String> findExistingAlgorithms(String hostname, int port) {
        return List.of(expected.type());
    }
}
