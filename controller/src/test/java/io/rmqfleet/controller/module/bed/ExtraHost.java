package io.rmqfleet.controller.module.bed;

import io.rmqfleet.controller.connection.ExecResult;
import io.rmqfleet.controller.connection.SshConnection;
import io.rmqfleet.controller.connection.SshSettings;
import io.rmqfleet.controller.connection.UnreachableException;
import io.rmqfleet.controller.module.support.ShellQuote;
import io.rmqfleet.controller.module.testing.LocalConnection;
import io.rmqfleet.testbed.SshKeyPair;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A test host started by a test itself, for set-ups the shared bed does not offer (a host whose dockerd is not
 * running, a host without Docker on a network with NAT to the Debian mirror). Same image and run flags as the
 * bed's hosts; its own key and known_hosts; everything it creates is labelled rmqfleet.it=modules and removed on
 * close.
 */
final class ExtraHost implements AutoCloseable {
    private static final LocalConnection LOCAL = new LocalConnection();
    private static final Duration READY = Duration.ofMinutes(2);

    private final String container;
    private final String address;
    private final Path dir;

    private ExtraHost(String container, String address, Path dir) {
        this.container = container;
        this.address = address;
        this.dir = dir;
    }

    /**
     * Creates a Docker network with NAT (not internal) on the first free 10.213.N.0/24 from 10.213.200.0, named
     * {@code name}; returns its first three octets.
     */
    static String natNetwork(String name) {
        for (int octet = 200; octet < 250; octet++) {
            String subnet = "10.213." + octet + ".0/24";
            ExecResult r = local("docker network create --subnet " + subnet + " --label rmqfleet.it=modules " + name);
            if (r.ok()) {
                return "10.213." + octet;
            }
            if (!r.stderr().contains("overlap")) {
                throw new IllegalStateException("docker network create failed: " + r.tail(3));
            }
        }
        throw new IllegalStateException("no free 10.213.N.0/24 for a test network");
    }

    static void removeNetwork(String name) {
        local("docker network rm " + name + " >/dev/null 2>&1");
    }

    static ExtraHost start(String container, String network, String address, String image, Map<String, String> env)
            throws IOException {
        Path dir = Files.createTempDirectory(container);
        SshKeyPair key = SshKeyPair.generateEd25519(container, new SecureRandom());
        key.writePrivateKey(dir.resolve("id_ed25519"));
        List<String> argv = new ArrayList<>(List.of("docker", "run", "-d", "--name", container, "--hostname", "extra",
                "--label", "rmqfleet.it=modules", "--cap-add", "ALL", "--cap-drop", "SYS_RESOURCE",
                "--security-opt", "seccomp=unconfined", "--security-opt", "apparmor=unconfined",
                "--security-opt", "systempaths=unconfined", "--tmpfs", "/run", "--network", network, "--ip", address,
                "-e", "RMQFLEET_AUTHORIZED_KEY=" + key.publicKeyLine()));
        env.forEach((k, v) -> {
            argv.add("-e");
            argv.add(k + "=" + v);
        });
        argv.add("--pull");
        argv.add("never");
        argv.add(image);
        ExecResult run = local(ShellQuote.join(argv));
        if (!run.ok()) {
            throw new IllegalStateException("cannot start " + container + ": " + run.tail(3));
        }
        ExtraHost host = new ExtraHost(container, address, dir);
        host.writeKnownHosts();
        return host;
    }

    private void writeKnownHosts() throws IOException {
        long deadline = System.nanoTime() + READY.toNanos();
        while (true) {
            ExecResult key = local("docker exec " + container + " cat /etc/ssh/ssh_host_ed25519_key.pub");
            if (key.ok() && !key.stdout().isBlank()) {
                String[] parts = key.stdout().trim().split("\\s+");
                Files.writeString(dir.resolve("known_hosts"), address + " " + parts[0] + " " + parts[1] + "\n");
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(container + " has no host key after " + READY);
            }
            local("sleep 0.2"); // pace the polling; the deadline decides
        }
    }

    /** Connects as root, retrying until sshd answers or the deadline passes. */
    SshConnection connect() {
        SshSettings settings = new SshSettings(container, address, 22, "root",
                Optional.of(dir.resolve("id_ed25519")), List.of(dir.resolve("known_hosts")), false,
                SshSettings.DEFAULT_CONNECT_TIMEOUT, SshSettings.DEFAULT_KEEPALIVE);
        long deadline = System.nanoTime() + READY.toNanos();
        while (true) {
            try {
                return SshConnection.open(settings);
            } catch (UnreachableException e) {
                if (System.nanoTime() > deadline) {
                    throw e;
                }
                local("sleep 0.2"); // pace the retries; the deadline decides
            }
        }
    }

    @Override
    public void close() {
        // -v: the container's own anonymous /var/lib/docker volume, created for this test only
        local("docker rm -f -v " + container + " >/dev/null 2>&1");
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // a temp dir left behind is harmless
        }
    }

    private static ExecResult local(String command) {
        return LOCAL.exec(command, Duration.ofMinutes(2));
    }
}
