package io.rmqfleet.testbed;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits until a freshly started host is usable: its host key exists, SSH as root with the bed's key works, and
 * {@code rmqfleet-probe} really runs a container inside (a working {@code docker info} alone is no proof).
 */
final class HostReadiness {
    static final String HOST_KEY_FILE = "/etc/ssh/ssh_host_ed25519_key.pub";
    static final String PROBE = "rmqfleet-probe";
    private static final Duration POLL = Duration.ofMillis(300);
    private static final Logger LOG = LoggerFactory.getLogger(HostReadiness.class);

    private final BedDocker docker;
    private final Path privateKey;

    HostReadiness(BedDocker docker, Path privateKey) {
        this.docker = docker;
        this.privateKey = privateKey;
    }

    /** Polls until the host is ready or {@code deadline} passes; returns the host with its host key filled in. */
    TestHost await(String name, String address, String containerId, Deadline deadline) throws InterruptedException {
        HostPublicKey hostKey = awaitHostKey(name, containerId, deadline);
        TestHost host = new TestHost(name, address, 22, containerId, containerName(containerId), hostKey);
        String lastProblem = "no attempt yet";
        while (true) {
            requireRunning(name, containerId);
            try {
                SshProbe.Outcome outcome = SshProbe.run(host, privateKey, PROBE, probeTimeout(deadline));
                if (outcome.ok()) {
                    return host;
                }
                lastProblem = PROBE + " exited " + outcome.exitCode() + ": " + outcome.output();
            } catch (IOException e) {
                lastProblem = "ssh root@" + address + ": " + e.getMessage();
            }
            if (deadline.expired()) {
                throw new TestBedException(name + " (" + address + ") not ready in time; last problem: " + lastProblem
                    + "\ncontainer log tail:\n" + docker.logTail(containerId, 30));
            }
            LOG.debug("{} not ready yet: {}", name, lastProblem);
            deadline.pause(POLL);
        }
    }

    private HostPublicKey awaitHostKey(String name, String containerId, Deadline deadline) throws InterruptedException {
        String lastProblem = "not read yet";
        while (true) {
            requireRunning(name, containerId);
            BedDocker.ExecOutput result = docker.exec(containerId, "cat", HOST_KEY_FILE);
            if (result.exitCode() == 0 && !result.stdout().isBlank()) {
                return HostPublicKey.parse(result.stdout());
            }
            lastProblem = result.stderr().strip();
            if (deadline.expired()) {
                throw new TestBedException(name + ": no host key at " + HOST_KEY_FILE + " in time (" + lastProblem
                    + ")\ncontainer log tail:\n" + docker.logTail(containerId, 30));
            }
            deadline.pause(POLL);
        }
    }

    private void requireRunning(String name, String containerId) {
        if (!docker.isRunning(containerId)) {
            throw new TestBedException(name + ": the host container stopped; log tail:\n" + docker.logTail(containerId, 30));
        }
    }

    private String containerName(String containerId) {
        return docker.inspect(containerId).getName().replaceFirst("^/", "");
    }

    /** The probe imports an image and runs a container: give it time, but never past the deadline by much. */
    private static Duration probeTimeout(Deadline deadline) {
        Duration left = deadline.remaining();
        Duration floor = Duration.ofSeconds(5);
        return left.compareTo(floor) < 0 ? floor : left;
    }
}
