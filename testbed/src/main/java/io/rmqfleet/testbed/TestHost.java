package io.rmqfleet.testbed;

/**
 * One running test host: a container with sshd and its own dockerd, reachable from this machine at
 * {@code address:sshPort} (no port mapping: the bed's network is routed from the outer host).
 *
 * @param name          inventory name (host1, host2, ...)
 * @param address       fixed IPv4 address on the bed's network
 * @param sshPort       sshd's port on that address
 * @param containerId   the outer Docker container
 * @param containerName the outer container's name
 * @param hostKey       the host's ed25519 host key, generated when the container started
 */
public record TestHost(
    String name, String address, int sshPort, String containerId, String containerName, HostPublicKey hostKey) {

    /** The SHA256 fingerprint of the host key, as {@code ssh-keygen -lf} prints it. */
    public String fingerprint() {
        return hostKey.sha256Fingerprint();
    }
}
