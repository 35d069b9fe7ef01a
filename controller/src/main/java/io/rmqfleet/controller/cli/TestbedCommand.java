package io.rmqfleet.controller.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import picocli.CommandLine.Command;

/**
 * {@code rmqfleet testbed up|status|down}: local test hosts (containers with sshd + dockerd) that outlive
 * the command, with their key, known_hosts, inventory and state under {@code .rmqfleet/testbed/}.
 */
@Command(
    name = "testbed",
    mixinStandardHelpOptions = true,
    description = "Start, inspect and remove local test hosts (containers with sshd + their own dockerd).",
    subcommands = {TestbedUpCommand.class, TestbedStatusCommand.class, TestbedDownCommand.class})
public final class TestbedCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static TestbedStateStore store() {
        return new TestbedStateStore(RmqfleetHome.stateDir("testbed"));
    }

    /**
     * One bed per checkout: the name carries a hash of the rmqfleet home, so two clones on one Docker engine
     * never remove each other's hosts.
     */
    static String bedNameFor(Path home) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                .digest(home.toAbsolutePath().normalize().toString().getBytes(StandardCharsets.UTF_8));
            return "testbed-" + HexFormat.of().formatHex(digest, 0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** Library chatter (sshj handshakes, Testcontainers discovery) is noise on a terminal; keep warnings. */
    static void quietLibraries() {
        for (String logger : new String[] {"net.schmizz", "com.hierynomus", "org.testcontainers", "io.rmqfleet.testbed"}) {
            System.setProperty("org.slf4j.simpleLogger.log." + logger, "warn");
        }
    }
}
