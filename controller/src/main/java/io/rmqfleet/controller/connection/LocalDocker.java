package io.rmqfleet.controller.connection;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The controller machine's own Docker engine, through the docker CLI: image ids and compressed image archives. */
public class LocalDocker {
    private static final Duration INSPECT_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration SAVE_TIMEOUT = Duration.ofMinutes(20);

    /** The image id ({@code sha256:...}), or empty when the image is not present locally. */
    public Optional<String> imageId(String image) {
        Output result = run(List.of("docker", "image", "inspect", "--format", "{{.Id}}", image), INSPECT_TIMEOUT);
        if (result.exit() != 0) {
            return Optional.empty();
        }
        return Optional.of(result.text().strip());
    }

    /**
     * {@code docker save IMAGE | gzip -1 > target}: fast compression, because the archive is transferred once
     * per host and the network here is a local bridge. Written to a temporary name and renamed, so a cut-off
     * save never leaves a truncated archive that looks valid.
     */
    public void saveCompressed(String image, Path target) {
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        Output result = run(List.of("bash", "-c", "set -o pipefail; docker save \"$1\" | gzip -1 > \"$2\"",
            "docker-save", image, partial.toString()), SAVE_TIMEOUT);
        try {
            if (result.exit() != 0) {
                Files.deleteIfExists(partial);
                throw new ImageShipException("local", "docker save " + image + " failed: " + result.text().strip());
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new ImageShipException("local", "cannot store the archive of " + image + ": " + e.getMessage(), e);
        }
    }

    private record Output(int exit, String text) {
    }

    private static Output run(List<String> command, Duration timeout) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                return new Output(-1, command.get(0) + " timed out after " + timeout.toSeconds() + " s");
            }
            return new Output(process.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new ImageShipException("local", "cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImageShipException("local", "interrupted while running " + command.get(0), e);
        }
    }
}
