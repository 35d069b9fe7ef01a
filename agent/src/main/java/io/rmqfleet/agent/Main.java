package io.rmqfleet.agent;

import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.file.FileSystemOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/** {@code java -jar rmqfleet-agent.jar --controller URL --host NAME --token-file PATH [...]}. */
public final class Main {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int BAD_ARGUMENTS = 2;
    private static final int MAX_TOKEN_FILE = 8192;

    private Main() {
    }

    public static void main(String[] args) {
        String level = System.getenv("RMQFLEET_LOG_LEVEL");
        if (level != null && !level.isBlank()) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level.trim().toLowerCase());
        }
        ConfigParser.Invocation invocation;
        try {
            invocation = new ConfigParser(System.getenv(), Main::readSmallFile, Main::kernelHostname).parse(args);
        } catch (ConfigException e) {
            System.exit(badArguments(e, System.err));
            return;
        }
        if (invocation instanceof ConfigParser.Invocation.Help) {
            System.out.print(Usage.text());
            return;
        }
        if (invocation instanceof ConfigParser.Invocation.Version) {
            System.out.println("rmqfleet-agent " + AgentVersion.get());
            return;
        }
        AgentConfig config = ((ConfigParser.Invocation.Run) invocation).config();
        Vertx vertx = Vertx.vertx(smallFootprint());
        try {
            vertx.deployVerticle(new AgentVerticle(config, AgentVersion.get(), Clock.systemUTC(), new SecureRandom()))
                    .await(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            System.err.println("rmqfleet-agent: cannot start: " + e.getMessage());
            vertx.close();
            System.exit(FAILED);
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                vertx.close().await(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                // exiting anyway
            }
        }, "rmqfleet-agent-shutdown"));
    }

    static int badArguments(ConfigException e, PrintStream err) {
        err.println("rmqfleet-agent: " + e.getMessage());
        err.println("Run with --help for the options.");
        return BAD_ARGUMENTS;
    }

    /** One event loop and one worker: the agent does little, and must fit in a 48 MiB heap. */
    static VertxOptions smallFootprint() {
        return new VertxOptions()
                .setEventLoopPoolSize(1)
                .setWorkerPoolSize(1)
                .setInternalBlockingPoolSize(1)
                .setFileSystemOptions(new FileSystemOptions()
                        .setFileCachingEnabled(false)
                        .setClassPathResolvingEnabled(false));
    }

    static String readSmallFile(Path path) {
        try {
            if (Files.size(path) > MAX_TOKEN_FILE) {
                throw new UncheckedIOException(new IOException("larger than " + MAX_TOKEN_FILE + " bytes"));
            }
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            String reason = e.getMessage();
            if (e instanceof java.nio.file.NoSuchFileException) {
                reason = "no such file";
            } else if (e instanceof java.nio.file.AccessDeniedException) {
                reason = "permission denied";
            }
            throw new UncheckedIOException(reason, e);
        }
    }

    static String kernelHostname() {
        try {
            return Files.readString(Path.of("/proc/sys/kernel/hostname")).trim();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
