package io.rmqfleet.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmqfleet.agent.testing.FakeController;
import io.rmqfleet.agent.testing.Poll;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded jar as the image runs it: its own JVM with -Xmx48m, configured through the environment, the token
 * in a file. Measures the resident memory once it has sent a few reports, and stops cleanly on SIGTERM.
 */
class AgentJarIT {
    /** The JVM flags of images/agent/Dockerfile (JAVA_OPTS): keep the two in step. */
    static final List<String> IMAGE_JAVA_OPTS = List.of("-Xms16m", "-Xmx48m", "-Xss512k", "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1", "-XX:ReservedCodeCacheSize=16m", "-XX:MaxDirectMemorySize=16m",
            "-Dio.netty.allocator.type=unpooled");

    @TempDir
    Path tmp;

    static Path jar() {
        Path local = Path.of("target", "rmqfleet-agent.jar");
        if (Files.exists(local)) {
            return local;
        }
        return Path.of(System.getProperty("rmqfleet.repo.root", "."), "agent", "target", "rmqfleet-agent.jar");
    }

    @Test
    void runsInA48MiBHeapReportsAndStopsOnSigterm() throws Exception {
        String token = "jar-it-" + UUID.randomUUID();
        Path tokenFile = Files.writeString(tmp.resolve("token"), token + "\n");
        Path log = tmp.resolve("agent.log");
        try (FakeController controller = new FakeController(token).start()) {
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> command = new java.util.ArrayList<>(List.of(java));
            command.addAll(IMAGE_JAVA_OPTS);
            command.addAll(List.of("-jar", jar().toString(), "--interval", "200ms"));
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> env = builder.environment();
            env.put("RMQFLEET_CONTROLLER", controller.url());
            env.put("RMQFLEET_HOST", "jar-host");
            env.put("RMQFLEET_TOKEN_FILE", tokenFile.toString());
            env.put("RMQFLEET_DATA_ROOT", tmp.toString());
            Process agent = builder.start();
            try {
                Poll.until(Duration.ofSeconds(60), () -> "20 reports from the jar; log:\n" + read(log),
                        () -> controller.accepted().size() >= 20);
                long rssKib = rssKib(agent.pid());
                System.out.printf("rmqfleet-agent jar: RSS %d KiB after %d reports (-Xmx48m)%n", rssKib,
                        controller.accepted().size());
                assertThat(agent.isAlive()).isTrue();
                assertThat(rssKib).as("resident memory of the agent JVM").isLessThan(128 * 1024);
                assertThat(controller.accepted()).allMatch(r -> r.host().equals("jar-host"));
            } finally {
                agent.destroy(); // SIGTERM, as docker stop sends
                assertThat(agent.waitFor(15, TimeUnit.SECONDS)).as("agent exits on SIGTERM").isTrue();
            }
            String output = read(log);
            assertThat(output).contains("reporting host jar-host to " + controller.url());
            assertThat(output).doesNotContain(token);
            assertThat(output).doesNotContain("Exception in thread");
        }
    }

    private static long rssKib(long pid) throws IOException {
        List<String> status = Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"));
        return status.stream().filter(l -> l.startsWith("VmRSS:"))
                .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).findFirst().orElseThrow();
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(unreadable: " + e.getMessage() + ")";
        }
    }

}
