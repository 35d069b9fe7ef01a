package io.rmqfleet.controller.bench;

import io.rmqfleet.common.report.AgentReport;
import io.rmqfleet.common.report.AgentReports;
import io.rmqfleet.common.report.ContainerState;
import io.rmqfleet.common.report.PortProbe;
import io.rmqfleet.controller.testing.TestReports;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Simulated agents on loopback against one running controller (bench/ingest/run.sh). Each simulated agent has
 * its own host name, token and sequence; they share a bounded pool of keep-alive connections (10,000 sockets
 * would measure the kernel, not the controller). Bounded in time and count; sends only to the given loopback URL.
 *
 * <pre>
 * prepare DIR AGENTS                         write agents.yml for AGENTS hosts, inventory.ini for 1,000
 * paced URL AGENTS INTERVAL_MS SECONDS CONNS every agent reports once per interval (open loop, latency from the
 *                                            scheduled send time, so queueing counts)
 * flood URL AGENTS SECONDS CONNS             as fast as CONNS connections go (closed loop): sustained maximum
 * </pre>
 */
public final class IngestLoad {
    private static final long MAX_REQUESTS = 5_000_000;
    private static final int WARM_UP = 2_000;

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "prepare" -> prepare(Path.of(args[1]), Integer.parseInt(args[2]));
            case "paced" -> new IngestLoad(checkLoopback(args[1]), Integer.parseInt(args[2]))
                    .paced(Long.parseLong(args[3]), Integer.parseInt(args[4]), Integer.parseInt(args[5]));
            case "flood" -> new IngestLoad(checkLoopback(args[1]), Integer.parseInt(args[2]))
                    .flood(Integer.parseInt(args[3]), Integer.parseInt(args[4]));
            default -> throw new IllegalArgumentException("prepare | paced | flood");
        }
    }

    static String host(int i) {
        return String.format("bench-%05d", i);
    }

    static String token(int i) {
        return "bench-token-" + i + "-0123456789";
    }

    static void prepare(Path dir, int agents) throws Exception {
        StringBuilder yml = new StringBuilder();
        for (int i = 0; i < agents; i++) {
            yml.append(host(i)).append(": ").append(token(i)).append('\n');
        }
        Files.writeString(dir.resolve("agents.yml"), yml.toString());
        // The first 1,000 agents are also an inventory (3 NameServers, master/slave broker pairs), so the
        // controller's drift check covers 1,000 hosts with real stored reports.
        StringBuilder ini = new StringBuilder("[namesrv]\n");
        int fleet = Math.min(agents, 1000);
        for (int i = 0; i < fleet; i++) {
            if (i == 3) {
                ini.append("\n[broker]\n");
            }
            ini.append(host(i)).append(" ansible_host=10.213.").append(i / 250).append('.').append(i % 250 + 1);
            if (i >= 3) {
                ini.append(" broker_name=broker-").append((i - 3) / 2).append(" broker_id=").append((i - 3) % 2);
            }
            ini.append('\n');
        }
        Files.writeString(dir.resolve("inventory.ini"), ini.toString());
    }

    static URI checkLoopback(String url) {
        URI uri = URI.create(url);
        if (!uri.getHost().equals("127.0.0.1") && !uri.getHost().equals("localhost")) {
            throw new IllegalArgumentException("loopback only: " + url);
        }
        return uri;
    }

    private final URI base;
    private final int agents;
    private final byte[][] prefix;
    private final byte[][] suffix;
    private final long[] sequence;
    private final String[] auth;

    IngestLoad(URI base, int agents) {
        this.base = base;
        this.agents = agents;
        prefix = new byte[agents][];
        suffix = new byte[agents][];
        sequence = new long[agents];
        auth = new String[agents];
        // A realistic report (the containers prepare's inventory expects: NameServer or broker, plus the agent;
        // 4 port probes; metrics), split around the sequence.
        for (int i = 0; i < agents; i++) {
            AgentReport r = TestReports.report(host(i), 999_999_999L, Instant.parse("2026-11-25T12:00:00Z"),
                    List.of(TestReports.container(i < 3 ? "rmqnamesrv"
                                    : "rmqbroker-broker-" + (i - 3) / 2 + "-" + (i - 3) % 2, ContainerState.RUNNING),
                            TestReports.container("rmqfleet-agent", ContainerState.RUNNING)),
                    List.of(new PortProbe(9876, false), new PortProbe(10909, true), new PortProbe(10911, true),
                            new PortProbe(10912, true)));
            String json = AgentReports.toJson(r);
            int at = json.indexOf("999999999");
            prefix[i] = json.substring(0, at).getBytes(StandardCharsets.UTF_8);
            suffix[i] = json.substring(at + 9).getBytes(StandardCharsets.UTF_8);
            auth[i] = "Bearer " + token(i);
        }
    }

    Buffer body(int i) {
        long seq = ++sequence[i];
        return Buffer.buffer(prefix[i].length + 20 + suffix[i].length).appendBytes(prefix[i])
                .appendString(Long.toString(seq)).appendBytes(suffix[i]);
    }

    /** Latencies in microseconds, bounded. */
    static final class Recorder {
        final long[] micros;
        final AtomicLong count = new AtomicLong();
        final AtomicLong errors = new AtomicLong();

        Recorder(int capacity) {
            micros = new long[capacity];
        }

        void ok(long nanos) {
            long i = count.getAndIncrement();
            if (i < micros.length) {
                micros[(int) i] = nanos / 1000;
            }
        }

        String summary(double seconds) {
            int n = (int) Math.min(count.get(), micros.length);
            long[] sorted = Arrays.copyOf(micros, n);
            Arrays.sort(sorted);
            return String.format("requests=%d errors=%d rate=%.0f/s p50=%.1fms p99=%.1fms p999=%.1fms max=%.1fms",
                    count.get(), errors.get(), count.get() / seconds, pct(sorted, 0.50), pct(sorted, 0.99),
                    pct(sorted, 0.999), n == 0 ? 0.0 : sorted[n - 1] / 1000.0);
        }

        static double pct(long[] sorted, double p) {
            return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1000.0;
        }
    }

    HttpClient client(Vertx vertx, int connections) {
        return vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setDefaultHost(base.getHost())
                .setDefaultPort(base.getPort()), new PoolOptions().setHttp1MaxSize(connections).setMaxWaitQueueSize(-1));
    }

    void send(HttpClient client, int agent, long scheduledNanos, Recorder rec, Runnable done) {
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST)
                .setURI("/api/v1/agents/" + host(agent) + "/reports")
                .putHeader("Authorization", auth[agent]).putHeader("Content-Type", "application/json");
        client.request(options)
                .compose(req -> req.send(body(agent)))
                .compose(resp -> resp.body().map(b -> resp.statusCode()))
                .onComplete(ar -> {
                    if (ar.succeeded() && ar.result() == 202) {
                        rec.ok(System.nanoTime() - scheduledNanos);
                    } else {
                        rec.errors.incrementAndGet();
                    }
                    done.run();
                });
    }

    /**
     * Not measured: up to 2,000 agents send a report first (connections opened, both JVMs' code loaded and
     * compiled) before a phase starts.
     */
    void warmUp(Vertx vertx, HttpClient client, int connections) throws InterruptedException {
        Recorder rec = new Recorder(WARM_UP);
        CountDownLatch finished = new CountDownLatch(connections);
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            vertx.runOnContext(v -> warmLoop(client, next, rec, finished));
        }
        finished.await(300, TimeUnit.SECONDS);
        System.out.printf("warm-up: %d reports in %.1f s, errors=%d%n", rec.count.get(),
                (System.nanoTime() - start) / 1e9, rec.errors.get());
    }

    private void warmLoop(HttpClient client, AtomicLong next, Recorder rec, CountDownLatch finished) {
        long n = next.getAndIncrement();
        if (n >= Math.min(agents, WARM_UP)) {
            finished.countDown();
            return;
        }
        send(client, (int) n, System.nanoTime(), rec, () -> warmLoop(client, next, rec, finished));
    }

    void paced(long intervalMs, int seconds, int connections) throws Exception {
        Vertx vertx = Vertx.vertx();
        HttpClient client = client(vertx, connections);
        warmUp(vertx, client, connections);
        long total = Math.min(MAX_REQUESTS, (long) agents * seconds * 1000 / intervalMs);
        Recorder rec = new Recorder((int) total);
        CountDownLatch finished = new CountDownLatch(1);
        AtomicLong outstanding = new AtomicLong();
        long slotMs = 10;
        double perSlot = (double) agents * slotMs / intervalMs;
        long start = System.nanoTime();
        long[] sent = {0};
        vertx.setPeriodic(slotMs, id -> {
            long elapsedSlots = (System.nanoTime() - start) / (slotMs * 1_000_000) + 1;
            long due = Math.min(total, (long) (elapsedSlots * perSlot));
            while (sent[0] < due) {
                long n = sent[0]++;
                long scheduled = start + (long) (n / perSlot) * slotMs * 1_000_000;
                outstanding.incrementAndGet();
                send(client, (int) (n % agents), scheduled, rec, () -> {
                    if (outstanding.decrementAndGet() == 0 && sent[0] >= total) {
                        finished.countDown();
                    }
                });
            }
            if (sent[0] >= total) {
                vertx.cancelTimer(id);
            }
        });
        boolean done = finished.await(seconds + 60L, TimeUnit.SECONDS);
        double took = (System.nanoTime() - start) / 1e9;
        System.out.printf("paced agents=%d interval=%dms offered=%.0f/s connections=%d %s%s%n", agents, intervalMs,
                agents * 1000.0 / intervalMs, connections, rec.summary(took), done ? "" : " (cut at deadline)");
        vertx.close().toCompletionStage().toCompletableFuture().get();
    }

    void flood(int seconds, int connections) throws Exception {
        // Continue above the paced phase's sequences, so the controller stores these rather than ack repeats.
        Arrays.fill(sequence, 1_000_000L);
        Vertx vertx = Vertx.vertx();
        HttpClient client = client(vertx, connections);
        warmUp(vertx, client, connections);
        Recorder rec = new Recorder(2_000_000);
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong next = new AtomicLong();
        CountDownLatch finished = new CountDownLatch(connections);
        long start = System.nanoTime();
        for (int c = 0; c < connections; c++) {
            vertx.runOnContext(v -> loop(client, next, end, rec, finished));
        }
        finished.await(seconds + 60L, TimeUnit.SECONDS);
        double took = (System.nanoTime() - start) / 1e9;
        System.out.printf("flood agents=%d connections=%d %s%n", agents, connections, rec.summary(took));
        vertx.close().toCompletionStage().toCompletableFuture().get();
    }

    private void loop(HttpClient client, AtomicLong next, long end, Recorder rec, CountDownLatch finished) {
        long n = next.getAndIncrement();
        if (System.nanoTime() >= end || n >= MAX_REQUESTS) {
            finished.countDown();
            return;
        }
        send(client, (int) (n % agents), System.nanoTime(), rec, () -> loop(client, next, end, rec, finished));
    }
}
