package io.rmqfleet.testbed;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes sure the images the bed and the tests need exist, once per JVM: runs {@code images/build.sh} (it
 * skips images whose content did not change) when the repository has it, otherwise requires the images to be
 * there already. Nothing is ever pulled: this machine has no registry.
 */
public final class TestImages {
    public static final String TESTHOST = "rmqfleet/testhost:latest";
    public static final String ROCKETMQ = "rmqfleet/rocketmq:5.3.3";
    public static final List<String> REQUIRED = List.of(TESTHOST);

    private static final Logger LOG = LoggerFactory.getLogger(TestImages.class);
    private static boolean ensured;

    private TestImages() {
    }

    /** The repository root: system property {@code rmqfleet.repo.root} (set by the build), else the working dir. */
    public static Path repoRoot() {
        String root = System.getProperty("rmqfleet.repo.root");
        return Path.of(root == null || root.isBlank() ? "." : root).toAbsolutePath().normalize();
    }

    public static synchronized void ensure() {
        ensure(repoRoot());
    }

    public static synchronized void ensure(Path repoRoot) {
        if (ensured) {
            return;
        }
        Path build = repoRoot.resolve("images").resolve("build.sh");
        if (Files.isRegularFile(build)) {
            runBuild(build, repoRoot);
        }
        require(REQUIRED);
        ensured = true;
    }

    /** Fails with the list of missing images and how to get them. */
    public static void require(List<String> images) {
        BedDocker docker = BedDocker.connect();
        List<String> missing = images.stream().filter(i -> !docker.imageExists(i)).toList();
        if (!missing.isEmpty()) {
            throw new TestBedException("missing Docker image(s) " + String.join(", ", missing)
                + ": build them with images/build.sh (no registry can be pulled from here)");
        }
    }

    private static void runBuild(Path build, Path repoRoot) {
        LOG.info("building images: {}", build);
        ProcessBuilder pb = new ProcessBuilder("bash", build.toString()).directory(repoRoot.toFile())
            .redirectErrorStream(true);
        try {
            Process process = pb.start();
            StringBuilder tail = new StringBuilder();
            try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null) {
                    LOG.info("images: {}", line);
                    tail.append(line).append('\n');
                    if (tail.length() > 4000) {
                        tail.delete(0, tail.length() - 4000);
                    }
                }
            }
            int exit = process.waitFor();
            if (exit != 0) {
                throw new TestBedException(build + " failed (exit " + exit + "); last output:\n" + tail);
            }
        } catch (IOException e) {
            throw new TestBedException("cannot run " + build + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TestBedException("interrupted while building images", e);
        }
    }
}
