package io.rmqfleet.controller.executor;

import io.rmqfleet.controller.cli.Main;
import io.rmqfleet.controller.connection.Connection;
import io.rmqfleet.controller.connection.ExecResult;
import io.rmqfleet.controller.connection.LoginOptions;
import io.rmqfleet.controller.inventory.Inventory;
import io.rmqfleet.controller.playbook.template.Templar;
import io.rmqfleet.testbed.TestBed;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Helpers for the executor's integration tests: the CLI run in-process, shell access to bed hosts, polling. */
final class BedRuns {
    private static final Pattern RECAP = Pattern.compile("(?m)^(\\S+)\\s+: ok=(\\d+)\\s+changed=(\\d+)\\s+"
        + "unreachable=(\\d+)\\s+failed=(\\d+)\\s+skipped=(\\d+)\\s+rescued=(\\d+)\\s+ignored=(\\d+)\\s*$");

    private BedRuns() {
    }

    /** What one CLI run printed and returned. */
    record Run(int exitCode, String out, String err) {
        /** host -> [ok, changed, unreachable, failed, skipped, rescued, ignored] from the PLAY RECAP. */
        java.util.Map<String, List<Integer>> recap() {
            java.util.Map<String, List<Integer>> byHost = new java.util.TreeMap<>();
            Matcher m = RECAP.matcher(out);
            while (m.find()) {
                List<Integer> counts = new ArrayList<>();
                for (int g = 2; g <= 8; g++) {
                    counts.add(Integer.parseInt(m.group(g)));
                }
                byHost.put(m.group(1), counts);
            }
            return byHost;
        }

        int changed(String host) {
            return recap().get(host).get(1);
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
        }
    }

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cli = Main.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static String[] args(String... parts) {
        return Arrays.copyOf(parts, parts.length);
    }

    /** The repository's bench playbook, shared with the benchmark so both measure the same thing. */
    static Path benchPlaybook() {
        String root = System.getProperty("rmqfleet.repo.root", "..");
        Path playbook = Path.of(root).resolve("bench/apply/playbook/site.yml").toAbsolutePath().normalize();
        if (!Files.isRegularFile(playbook)) {
            throw new AssertionError("bench playbook not found at " + playbook);
        }
        return playbook;
    }

    /** A directory name nobody else uses on the shared hosts. */
    static String uniqueRoot(String what) {
        return "/opt/rmqfleet-it-" + what + "-" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x10000, 0xfffff));
    }

    static Path write(Path dir, String name, String content) {
        try {
            Path file = dir.resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a shell command on a bed host over its own connection (strict host keys, as the inventory says). */
    static ExecResult sh(TestBed bed, String host, String command) {
        try (Connection connection = open(bed, host)) {
            return connection.exec(command, Duration.ofSeconds(60));
        }
    }

    /** A connection to a bed host (strict host keys, as the inventory says); the caller closes it. */
    static Connection open(TestBed bed, String host) {
        Inventory inventory = Inventory.loadSources(List.of(bed.inventory().toString()));
        SshConnectionFactory factory = new SshConnectionFactory(
            new ConnectionVars(inventory::hostVars, new Templar()), LoginOptions.STRICT,
            Path.of(System.getProperty("user.home")));
        return factory.open(host);
    }

    static void shEverywhere(TestBed bed, String command) {
        bed.hosts().forEach(h -> sh(bed, h.name(), command));
    }

    static void pollUntil(Duration timeout, String what, BooleanSupplier condition) {
        Instant deadline = Clock.systemUTC().instant().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Clock.systemUTC().instant().isAfter(deadline)) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
    }

    static void docker(String... args) {
        List<String> command = new ArrayList<>();
        command.add("docker");
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String text = new String(p.getInputStream().readAllBytes());
            if (p.waitFor() != 0) {
                throw new AssertionError(String.join(" ", command) + " failed: " + text);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
