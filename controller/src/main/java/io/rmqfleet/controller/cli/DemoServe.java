package io.rmqfleet.controller.cli;

import io.rmqfleet.controller.http.auth.TokenFiles;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The demo's controller: {@code rmqfleet serve} as a background process (this JVM's java and class path), PID in
 * {@code serve.pid}, output in {@code serve.log}, listening only on the test bed network's gateway address, which
 * the agents inside the test hosts reach and nothing outside this machine does. Its files live in the demo dir:
 * {@code serve.yml}, {@code admin.token} (0600), {@code agent-tokens.yml} (0600), the database.
 */
final class DemoServe {
    static final String PID_FILE = "serve.pid";
    static final String LOG_FILE = "serve.log";
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);

    private final Path demoDir;

    DemoServe(Path demoDir) {
        this.demoDir = demoDir;
    }

    Path adminTokenFile() {
        return demoDir.resolve("admin.token");
    }

    Path agentTokensFile() {
        return demoDir.resolve("agent-tokens.yml");
    }

    /** Writes the configuration (drift every 30 s; "fix" on request re-applies the playbook to a drifted host). */
    Path writeConfig(String address, int port, Path inventory, Path playbook) throws IOException {
        TokenFiles.adminToken(adminTokenFile());
        String url = url(address, port);
        String yaml = """
                # Written by 'rmqfleet demo' (docs/serve.md). Listens on the test bed network's gateway only.
                listen: {host: %s, port: %d}
                admin_token_file: admin.token
                agent_tokens_file: agent-tokens.yml
                inventory: %s
                database: serve/state
                drift:
                  interval: 30s
                  playbook: %s
                  extra_vars: ["@agent-tokens.yml", "rmqfleet_controller_url=%s"]
                """.formatted(address, port, inventory.getFileName(), playbook, url);
        Path config = demoDir.resolve("serve.yml");
        Files.writeString(config, yaml);
        return config;
    }

    static String url(String address, int port) {
        return "http://" + address + ":" + port;
    }

    static int freePort(String address) throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(address))) {
            return socket.getLocalPort();
        }
    }

    /** Starts serve in the background and waits until it answers /readyz; returns its PID. */
    long start(Path config, String url) throws IOException {
        stop();
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>();
        // No setsid: the JDK starts children as leaders of their own process group (a Ctrl-C in the demo's
        // terminal does not reach them), and setsid would then fork, leaving a PID that is not serve's.
        command.addAll(List.of(java, "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "serve", "--config", config.toString()));
        Path log = demoDir.resolve(LOG_FILE);
        Process process = new ProcessBuilder(command)
                .directory(demoDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
                .start();
        Files.writeString(demoDir.resolve(PID_FILE), process.pid() + "\n");
        awaitReady(process, url, log);
        return process.pid();
    }

    private static void awaitReady(Process process, String url, Path log) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(READY_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new UserFacingException("serve exited with " + process.exitValue() + "; see " + log,
                        ExitCodes.ERROR);
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(url + "/readyz"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UserFacingException("interrupted", ExitCodes.INTERRUPTED);
            }
            pause();
        }
        throw new UserFacingException("serve did not become ready within " + READY_TIMEOUT.toSeconds() + " s; see "
                + log, ExitCodes.ERROR);
    }

    /** Stops the serve this demo started (by its recorded PID, only if that process is still our serve). */
    boolean stop() throws IOException {
        Path pidFile = demoDir.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return false;
        }
        Optional<ProcessHandle> process = ours(Files.readString(pidFile).strip());
        Files.delete(pidFile);
        if (process.isEmpty()) {
            return false;
        }
        ProcessHandle p = process.get();
        p.destroy();
        try {
            p.onExit().get(20, TimeUnit.SECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
        }
        return true;
    }

    /** The process of that PID if it is alive and runs serve with this demo's configuration (PIDs get reused). */
    private Optional<ProcessHandle> ours(String pid) {
        long id;
        try {
            id = Long.parseLong(pid);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        String config = demoDir.resolve("serve.yml").toString();
        return ProcessHandle.of(id).filter(ProcessHandle::isAlive).filter(p -> {
            List<String> args = arguments(p.pid());
            return args.contains("serve") && args.contains(config);
        });
    }

    /**
     * The process's command line from /proc (ProcessHandle.Info's arguments come back empty for long command
     * lines such as a java -cp with a test class path); empty when unreadable, e.g. another user's process.
     */
    private static List<String> arguments(long pid) {
        try {
            String raw = new String(Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline")),
                    StandardCharsets.UTF_8);
            return List.of(raw.split("\0"));
        } catch (IOException e) {
            return List.of();
        }
    }

    /** Polls the hosts API until every name in {@code hosts} is alive; false at the deadline. */
    boolean awaitAgents(String url, List<String> hosts, Duration timeout) throws IOException {
        String token = Files.readString(adminTokenFile(), StandardCharsets.UTF_8).strip();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/hosts?liveness=alive"))
                        .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    java.util.Set<String> alive = new java.util.HashSet<>();
                    new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.body()).path("items")
                            .forEach(h -> alive.add(h.path("name").asText()));
                    if (alive.containsAll(hosts)) {
                        return true;
                    }
                }
            } catch (IOException e) {
                // retry until the deadline
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
            pause();
        }
        return false;
    }

    /** Records a run's --json events in serve (history, and the spec hashes drift compares with). */
    void recordRun(String url, Path runEvents) throws IOException {
        String token = Files.readString(adminTokenFile(), StandardCharsets.UTF_8).strip();
        try {
            HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/api/v1/runs"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/x-ndjson")
                    .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofFile(runEvents)).build(),
                    HttpResponse.BodyHandlers.discarding());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void pause() {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
