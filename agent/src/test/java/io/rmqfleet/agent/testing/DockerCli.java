package io.rmqfleet.agent.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The docker CLI for integration tests: creates and removes only this test's own containers (named
 * rmqfleet-agent-it-*, labelled rmqfleet.test-owner=agent-it).
 */
public final class DockerCli {
    public static final String BASE_IMAGE = "rmqfleet/base:bookworm";
    /** Used only when images/build.sh has not built the base image yet: busybox-static in an empty image. */
    public static final String FALLBACK_IMAGE = "rmqfleet-agent-it/busybox:1";
    public static final String OWNER_LABEL = "rmqfleet.test-owner=agent-it";

    private DockerCli() {
    }

    public static String run(String... args) {
        List<String> command = new ArrayList<>();
        command.add("docker");
        command.addAll(List.of(args));
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            // The classic builder never tries a registry for FROM scratch (and needs no buildx).
            builder.environment().put("DOCKER_BUILDKIT", "0");
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException("timed out: " + String.join(" ", command));
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " exited " + process.exitValue()
                        + ": " + output);
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException("cannot run docker: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public static boolean imageExists(String image) {
        try {
            run("image", "inspect", "--format", "{{.Id}}", image);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    /**
     * An image that can run {@code sleep} and {@code sh -c}: the project's base image when images/build.sh has
     * built it (always so under bin/test), else a tiny image built from busybox-static.
     */
    public static synchronized String image() {
        if (imageExists(BASE_IMAGE)) {
            return BASE_IMAGE;
        }
        if (imageExists(FALLBACK_IMAGE)) {
            return FALLBACK_IMAGE;
        }
        Path busybox = Path.of("/bin/busybox");
        if (!Files.isExecutable(busybox)) {
            throw new IllegalStateException("neither " + BASE_IMAGE + " (run images/build.sh) nor /bin/busybox"
                    + " (apt-get install busybox-static) is available to run test containers");
        }
        try {
            Path context = Files.createTempDirectory("rmqfleet-agent-it-image");
            Files.copy(busybox, context.resolve("busybox"));
            Files.writeString(context.resolve("Dockerfile"), """
                    FROM scratch
                    COPY busybox /bin/busybox
                    RUN ["/bin/busybox", "--install", "-s", "/bin"]
                    """);
            run("build", "--pull=false", "-q", "-t", FALLBACK_IMAGE, "--label", OWNER_LABEL, context.toString());
            return FALLBACK_IMAGE;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Removes the given containers of this test, ignoring those already gone. */
    public static void removeQuietly(List<String> names) {
        for (String name : names) {
            try {
                run("rm", "-f", "-v", name);
            } catch (IllegalStateException e) {
                // already gone
            }
        }
    }
}
