package io.rmqfleet.controller.connection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipping logic against a scripted host and a scripted local engine (the real path is in ClusterSmokeIT). */
class ImageShipperTest {
    private static final String IMAGE = "rmqfleet/rocketmq:5.3.3";
    private static final String ID = "sha256:" + "ab".repeat(32);

    @TempDir
    Path cache;

    private final AtomicInteger saves = new AtomicInteger();
    private final LocalDocker local = new LocalDocker() {
        @Override
        public Optional<String> imageId(String image) {
            return image.equals(IMAGE) ? Optional.of(ID) : Optional.empty();
        }

        @Override
        public void saveCompressed(String image, Path target) {
            saves.incrementAndGet();
            try {
                Files.writeString(target, "archive of " + image);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
        }
    };

    @Test
    void shipsLoadsVerifiesAndDeletesTheArchive() {
        ScriptedHost host = new ScriptedHost(null, ID);
        ShipReport report = new ImageShipper(local, cache, Clock.systemUTC()).ship(IMAGE, host);

        assertThat(report.skipped()).isFalse();
        assertThat(report.cacheHit()).isFalse();
        assertThat(report.bytes()).isEqualTo(("archive of " + IMAGE).length());
        assertThat(host.uploaded).hasSize(1);
        String remote = host.uploaded.get(0);
        assertThat(remote).startsWith("/var/tmp/rmqfleet-image-").endsWith(".tar.gz");
        assertThat(host.uploadedBytes).isEqualTo(("archive of " + IMAGE).getBytes(StandardCharsets.UTF_8));
        assertThat(host.commands).contains("docker load -i " + remote, "rm -f -- " + remote);
        assertThat(host.commands.indexOf("rm -f -- " + remote)).isGreaterThan(host.commands.indexOf("docker load -i " + remote));
        assertThat(report.summary()).contains("host1", "shipped", IMAGE, "transfer");
    }

    @Test
    void hostWithTheSameIdIsLeftAlone() {
        ScriptedHost host = new ScriptedHost(ID, ID);
        ShipReport report = new ImageShipper(local, cache, Clock.systemUTC()).ship(IMAGE, host);
        assertThat(report.skipped()).isTrue();
        assertThat(host.uploaded).isEmpty();
        assertThat(saves).hasValue(0);
        assertThat(report.summary()).contains("already present");
    }

    @Test
    void theArchiveIsSavedOnceAndReusedFromTheCache() {
        ImageShipper shipper = new ImageShipper(local, cache, Clock.systemUTC());
        ShipReport first = shipper.ship(IMAGE, new ScriptedHost(null, ID));
        ShipReport second = shipper.ship(IMAGE, new ScriptedHost("sha256:old", ID));
        assertThat(saves).hasValue(1);
        assertThat(first.cacheHit()).isFalse();
        assertThat(second.cacheHit()).isTrue();
        assertThat(cache.resolve(ID.replace(':', '-') + ".tar.gz")).exists();
    }

    @Test
    void anArchiveCachedUnderAnotherTagIsLoadedAndTaggedAsAsked() {
        ImageShipper shipper = new ImageShipper(local, cache, Clock.systemUTC());
        shipper.ship(IMAGE, new ScriptedHost(null, ID));
        ScriptedHost host = new ScriptedHost(null, ID);
        shipper.ship(IMAGE, host);
        assertThat(host.commands).contains("docker tag " + ShellQuote.quote(ID) + " " + ShellQuote.quote(IMAGE));
        assertThat(host.commands.indexOf("docker tag " + ShellQuote.quote(ID) + " " + ShellQuote.quote(IMAGE)))
            .isGreaterThan(host.commands.indexOf(host.commands.stream().filter(c -> c.startsWith("docker load"))
                .findFirst().orElseThrow()));
    }

    @Test
    void theSameIdUnderAnotherNameIsOnlyTagged() {
        ScriptedHost host = new ScriptedHost(null, ID);
        host.idsByReference.put(ID, ID);
        ShipReport report = new ImageShipper(local, cache, Clock.systemUTC()).ship(IMAGE, host);
        assertThat(report.skipped()).isTrue();
        assertThat(host.uploaded).isEmpty();
        assertThat(saves).hasValue(0);
        assertThat(host.commands).contains("docker tag " + ShellQuote.quote(ID) + " " + ShellQuote.quote(IMAGE));
    }

    @Test
    void aFailedLoadStillDeletesTheArchiveAndSaysWhy() {
        ScriptedHost host = new ScriptedHost(null, null);
        host.loadResult = new ExecResult(1, "", "open /var/lib/docker/tmp: no space left on device");
        assertThatThrownBy(() -> new ImageShipper(local, cache, Clock.systemUTC()).ship(IMAGE, host))
            .isInstanceOf(ImageShipException.class)
            .hasMessageContaining("host1").hasMessageContaining("no space left on device");
        assertThat(host.commands).anyMatch(c -> c.startsWith("rm -f -- /var/tmp/rmqfleet-image-"));
    }

    @Test
    void aDifferentIdAfterLoadIsAnError() {
        ScriptedHost host = new ScriptedHost(null, "sha256:" + "cd".repeat(32));
        assertThatThrownBy(() -> new ImageShipper(local, cache, Clock.systemUTC()).ship(IMAGE, host))
            .isInstanceOf(ImageShipException.class).hasMessageContaining("has id sha256:cdcd");
    }

    @Test
    void aMissingLocalImageIsNamed() {
        assertThatThrownBy(() -> new ImageShipper(local, cache, Clock.systemUTC()).ship("nope:1", new ScriptedHost(null, ID)))
            .isInstanceOf(ImageShipException.class).hasMessageContaining("nope:1");
    }

    /** A host whose image id is {@code before} until something is loaded, then {@code after}. */
    private static final class ScriptedHost implements Connection {
        final List<String> commands = new ArrayList<>();
        final List<String> uploaded = new ArrayList<>();
        byte[] uploadedBytes;
        /** Image references (other than the shipped one) the host resolves, e.g. an id. */
        final java.util.Map<String, String> idsByReference = new java.util.HashMap<>();
        ExecResult loadResult = new ExecResult(0, "Loaded image: " + IMAGE, "");
        private String id;
        private final String after;

        ScriptedHost(String before, String after) {
            this.id = before;
            this.after = after;
        }

        @Override
        public String hostName() {
            return "host1";
        }

        @Override
        public ExecResult exec(String command, Duration timeout) {
            commands.add(command);
            for (var e : idsByReference.entrySet()) {
                if (command.startsWith("docker image inspect") && command.endsWith(" " + ShellQuote.quote(e.getKey()))) {
                    return new ExecResult(0, e.getValue() + "\n", "");
                }
            }
            if (command.startsWith("docker image inspect")) {
                return id == null ? new ExecResult(1, "", "No such image") : new ExecResult(0, id + "\n", "");
            }
            if (command.startsWith("docker load")) {
                if (loadResult.ok()) {
                    id = after;
                }
                return loadResult;
            }
            return new ExecResult(0, "", "");
        }

        @Override
        public ExecResult exec(String command, byte[] stdin, Duration timeout) {
            return exec(command, timeout);
        }

        @Override
        public void put(Path localFile, String remotePath, int mode) {
            uploaded.add(remotePath);
            try {
                uploadedBytes = Files.readAllBytes(localFile);
            } catch (java.io.IOException e) {
                throw new AssertionError(e);
            }
            assertThat(mode).isEqualTo(0600);
        }

        @Override
        public void put(byte[] content, String remotePath, int mode) {
            throw new AssertionError("not used");
        }

        @Override
        public Optional<byte[]> fetch(String remotePath) {
            return Optional.empty();
        }

        @Override
        public void close() {
        }
    }
}
