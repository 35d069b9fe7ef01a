package io.rmqfleet.testbed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * N local test hosts (containers with sshd and their own dockerd) on a private internal Docker network with
 * fixed addresses, a generated client key, their host keys in a known_hosts file and an inventory for
 * rmqfleet and ansible-playbook. {@link #close()} removes everything the bed created (containers, network,
 * volumes, files); a bed that is never closed keeps running (that is what {@code rmqfleet testbed up} wants).
 */
public final class TestBed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TestBed.class);

    /** The files a bed writes into its state directory. */
    public record BedFiles(Path dir, Path privateKey, Path publicKey, Path knownHosts, Path inventory) {
        public static BedFiles in(Path dir) {
            Path abs = dir.toAbsolutePath();
            return new BedFiles(abs, abs.resolve("id_ed25519"), abs.resolve("id_ed25519.pub"),
                abs.resolve("known_hosts"), abs.resolve("inventory.yml"));
        }

        void deleteAll() throws IOException {
            for (Path file : List.of(privateKey, publicKey, knownHosts, inventory)) {
                Files.deleteIfExists(file);
            }
        }
    }

    private final TestBedSpec spec;
    private final Subnet subnet;
    private final List<TestHost> hosts;
    private final BedFiles files;
    private final boolean ownsDir;
    private final Duration startupTime;
    private final AtomicBoolean closed = new AtomicBoolean();

    private TestBed(TestBedSpec spec, Subnet subnet, List<TestHost> hosts, BedFiles files, boolean ownsDir,
                    Duration startupTime) {
        this.spec = spec;
        this.subnet = subnet;
        this.hosts = List.copyOf(hosts);
        this.files = files;
        this.ownsDir = ownsDir;
        this.startupTime = startupTime;
    }

    /**
     * Starts the hosts in parallel and returns when every one of them is ready (SSH works and a container ran
     * inside it). On any failure everything already created is removed again before the exception is thrown.
     */
    public static TestBed start(TestBedSpec spec) {
        Instant began = spec.clock().instant();
        BedDocker docker = BedDocker.connect();
        BedCleaner cleaner = new BedCleaner(docker.client());
        BedCleaner.Resources leftovers = cleaner.find(spec.name());
        if (!leftovers.isEmpty()) {
            throw new TestBedException("test bed '" + spec.name() + "' already exists (" + leftovers
                + "); remove it first (rmqfleet testbed down, or BedCleaner.remove)");
        }
        if (!docker.imageExists(spec.image())) {
            throw new TestBedException("image " + spec.image() + " is missing; build it with images/build.sh");
        }

        boolean ownsDir = spec.stateDir() == null;
        BedFiles files;
        try {
            Path dir = ownsDir ? Files.createTempDirectory("rmqfleet-testbed-")
                : Files.createDirectories(spec.stateDir());
            files = BedFiles.in(dir);
        } catch (IOException e) {
            throw new TestBedException("cannot create the state directory: " + e.getMessage(), e);
        }

        try {
            SshKeyPair key = SshKeyPair.generateEd25519("rmqfleet-testbed-" + spec.name(), new SecureRandom());
            key.writePrivateKey(files.privateKey());
            key.writePublicKey(files.publicKey());

            Subnet subnet = docker.createNetwork(spec.name(), spec.subnet(), spec.searchSubnet());
            LOG.info("test bed '{}': network {} on {}, starting {} host(s)", spec.name(),
                BedLabels.networkName(spec.name()), subnet, spec.hosts());
            List<TestHost> hosts = startHosts(spec, subnet, docker, key, files.privateKey());

            KnownHostsFile.write(files.knownHosts(), hosts);
            AnsibleInventory.write(files.inventory(), hosts, files.privateKey(), files.knownHosts());
            Duration took = Duration.between(began, spec.clock().instant());
            LOG.info("test bed '{}': {} host(s) ready in {} ms", spec.name(), hosts.size(), took.toMillis());
            return new TestBed(spec, subnet, hosts, files, ownsDir, took);
        } catch (IOException | RuntimeException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            discard(cleaner, spec.name(), files, ownsDir, e);
            if (e instanceof TestBedException bedFailure) {
                throw bedFailure;
            }
            throw new TestBedException("test bed '" + spec.name() + "' failed to start: " + e.getMessage(), e);
        }
    }

    private static List<TestHost> startHosts(TestBedSpec spec, Subnet subnet, BedDocker docker, SshKeyPair key,
                                             Path privateKey) throws InterruptedException {
        HostReadiness readiness = new HostReadiness(docker, privateKey);
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(spec.hosts(), 16), r -> {
            Thread t = new Thread(r, "testbed-" + spec.name() + "-start-" + threadNumber.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<TestHost>> pending = new ArrayList<>();
            for (int n = 1; n <= spec.hosts(); n++) {
                String name = TestBedSpec.hostName(n);
                String address = subnet.hostAddress(n);
                pending.add(pool.submit(() -> {
                    String id = docker.startHost(spec.name(), name, address, spec.image(), key.publicKeyLine());
                    return readiness.await(name, address, id, Deadline.after(spec.clock(), spec.readyTimeout()));
                }));
            }
            List<TestHost> hosts = new ArrayList<>();
            for (Future<TestHost> host : pending) {
                try {
                    hosts.add(host.get());
                } catch (ExecutionException e) {
                    pending.forEach(f -> f.cancel(true));
                    Throwable cause = e.getCause();
                    throw cause instanceof TestBedException bedFailure ? bedFailure
                        : new TestBedException(String.valueOf(cause.getMessage()), cause);
                }
            }
            return hosts;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void discard(BedCleaner cleaner, String name, BedFiles files, boolean ownsDir, Exception cause) {
        try {
            cleaner.remove(name);
            files.deleteAll();
            if (ownsDir) {
                Files.deleteIfExists(files.dir());
            }
        } catch (IOException | RuntimeException cleanupFailure) {
            cause.addSuppressed(cleanupFailure);
        }
    }

    public String name() {
        return spec.name();
    }

    public TestBedSpec spec() {
        return spec;
    }

    public Subnet subnet() {
        return subnet;
    }

    public String networkName() {
        return BedLabels.networkName(spec.name());
    }

    public List<TestHost> hosts() {
        return hosts;
    }

    public TestHost host(String name) {
        return hosts.stream().filter(h -> h.name().equals(name)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException("no host " + name + " in test bed " + spec.name()));
    }

    /** Host number {@code n}, 1-based (host1 is {@code host(1)}). */
    public TestHost host(int n) {
        return host(TestBedSpec.hostName(n));
    }

    public BedFiles files() {
        return files;
    }

    public Path privateKey() {
        return files.privateKey();
    }

    public Path knownHosts() {
        return files.knownHosts();
    }

    public Path inventory() {
        return files.inventory();
    }

    /** From the call to {@link #start} until every host was ready. */
    public Duration startupTime() {
        return startupTime;
    }

    /** Removes the hosts, their network and volumes, and the files the bed wrote. Safe to call twice. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        BedCleaner.Resources removed = BedCleaner.connect().remove(spec.name());
        LOG.info("test bed '{}': removed {}", spec.name(), removed);
        try {
            files.deleteAll();
            if (ownsDir) {
                Files.deleteIfExists(files.dir());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("test bed '" + spec.name() + "': cannot delete its files", e);
        }
    }

    @Override
    public String toString() {
        return "TestBed[" + spec.name() + " on " + subnet + ", " + hosts.size() + " host(s)]";
    }
}
