package io.rmqfleet.controller.rocketmq.verify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The docker CLI of this machine, for integration tests: run a command, get its exit code and output. */
final class DockerCli {

    record Result(int exitCode, String stdout, String stderr) {
        Result orThrow(List<String> command) {
            if (exitCode != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed (" + exitCode + "): " + stderr.strip());
            }
            return this;
        }
    }

    private DockerCli() {
    }

    static Result run(String... args) {
        List<String> command = new ArrayList<>();
        command.add("docker");
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
            p.getOutputStream().close();
            // Read both streams fully (small outputs); waitFor below bounds the time.
            var out = p.getInputStream().readAllBytes();
            var err = p.getErrorStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not end within 120 s");
            }
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8), new String(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static Result ok(String... args) {
        return run(args).orThrow(List.of(args));
    }
}
