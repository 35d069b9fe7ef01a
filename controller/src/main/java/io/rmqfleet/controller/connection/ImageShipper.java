package io.rmqfleet.controller.connection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gets a local Docker image onto a host without any registry: {@code docker save | gzip -1} once into a cache
 * keyed by image id, SFTP to the host's /var/tmp, {@code docker load}, delete the archive, then prove the
 * host's image id equals the local one. A host that already has that id is left alone.
 */
public final class ImageShipper {
    private static final Logger LOG = LoggerFactory.getLogger(ImageShipper.class);
    private static final Duration INSPECT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration LOAD_TIMEOUT = Duration.ofMinutes(15);
    private static final String REMOTE_DIR = "/var/tmp";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final LocalDocker local;
    private final Path cacheDir;
    private final Clock clock;

    public ImageShipper(LocalDocker local, Path cacheDir, Clock clock) {
        this.local = local;
        this.cacheDir = cacheDir;
        this.clock = clock;
    }

    /** The cache under {@code $RMQFLEET_HOME/.rmqfleet/cache/images} (RMQFLEET_HOME defaults to the cwd). */
    public static Path defaultCacheDir() {
        String home = System.getenv("RMQFLEET_HOME");
        Path root = home == null || home.isBlank() ? Path.of("") : Path.of(home);
        return root.toAbsolutePath().resolve(".rmqfleet").resolve("cache").resolve("images");
    }

    /** Ships {@code image} to the host behind {@code host}; returns what was done with per-phase timings. */
    public ShipReport ship(String image, Connection host) {
        String localId = local.imageId(image)
            .orElseThrow(() -> new ImageShipException("local", "image " + image + " is not in the local Docker engine"));
        if (remoteId(host, image).filter(localId::equals).isPresent()) {
            ShipReport report = ShipReport.alreadyThere(host.hostName(), image, localId);
            LOG.info(report.summary());
            return report;
        }
        // The same image under another name (a second tag of one id): a tag is all that is missing.
        if (remoteId(host, localId).filter(localId::equals).isPresent()) {
            tag(host, localId, image);
            ShipReport report = ShipReport.alreadyThere(host.hostName(), image, localId);
            LOG.info(report.summary());
            return report;
        }

        Instant saveStart = clock.instant();
        Path archive = cacheDir.resolve(localId.replace(':', '-') + ".tar.gz");
        boolean cacheHit = ensureArchive(image, archive);
        Duration save = Duration.between(saveStart, clock.instant());
        long bytes = size(archive);

        String remote = REMOTE_DIR + "/rmqfleet-image-" + HexFormat.of().formatHex(randomBytes()) + ".tar.gz";
        Instant transferStart = clock.instant();
        Duration transfer;
        Duration load;
        try {
            host.exec("mkdir -p " + REMOTE_DIR, INSPECT_TIMEOUT);
            host.put(archive, remote, 0600);
            transfer = Duration.between(transferStart, clock.instant());

            Instant loadStart = clock.instant();
            ExecResult loaded = host.exec("docker load -i " + ShellQuote.quote(remote), LOAD_TIMEOUT);
            load = Duration.between(loadStart, clock.instant());
            if (!loaded.ok()) {
                throw new ImageShipException(host.hostName(), "docker load of " + image + " failed (exit "
                    + loaded.exitCode() + "): " + loaded.tail(5));
            }
        } finally {
            // The archive can be hundreds of MB: never leave it behind, whatever happened.
            host.exec("rm -f -- " + ShellQuote.quote(remote), INSPECT_TIMEOUT);
        }

        // The cached archive is keyed by id and may carry another tag of the same image: name it as asked.
        tag(host, localId, image);
        String shippedId = remoteId(host, image).orElse("(none)");
        if (!shippedId.equals(localId)) {
            throw new ImageShipException(host.hostName(), "after docker load, " + image + " has id " + shippedId
                + " on the host but " + localId + " locally");
        }
        ShipReport report = new ShipReport(host.hostName(), image, localId, false, cacheHit, bytes, save, transfer, load);
        LOG.info(report.summary());
        return report;
    }

    /** Creates the archive unless the cache has it; true on a cache hit. One save per image id at a time. */
    private synchronized boolean ensureArchive(String image, Path archive) {
        if (Files.isRegularFile(archive)) {
            return true;
        }
        try {
            Files.createDirectories(cacheDir);
        } catch (IOException e) {
            throw new ImageShipException("local", "cannot create the image cache " + cacheDir + ": " + e.getMessage(), e);
        }
        local.saveCompressed(image, archive);
        return false;
    }

    private static void tag(Connection host, String id, String image) {
        ExecResult tagged = host.exec("docker tag " + ShellQuote.quote(id) + " " + ShellQuote.quote(image),
            INSPECT_TIMEOUT);
        if (!tagged.ok()) {
            throw new ImageShipException(host.hostName(), "docker tag " + id + " " + image + " failed (exit "
                + tagged.exitCode() + "): " + tagged.tail(5));
        }
    }

    private static Optional<String> remoteId(Connection host, String image) {
        ExecResult result = host.exec("docker image inspect --format '{{.Id}}' " + ShellQuote.quote(image),
            INSPECT_TIMEOUT);
        return result.ok() ? Optional.of(result.stdout().strip()) : Optional.empty();
    }

    private static long size(Path archive) {
        try {
            return Files.size(archive);
        } catch (IOException e) {
            throw new ImageShipException("local", "cannot read " + archive + ": " + e.getMessage(), e);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
