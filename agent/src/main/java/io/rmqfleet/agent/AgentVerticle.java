package io.rmqfleet.agent;

import io.rmqfleet.agent.collect.DockerEngine;
import io.rmqfleet.agent.collect.HostMetricsReader;
import io.rmqfleet.agent.collect.PortProber;
import io.rmqfleet.agent.collect.ReportCollector;
import io.rmqfleet.agent.deliver.Backoff;
import io.rmqfleet.agent.deliver.DeliveryLoop;
import io.rmqfleet.agent.deliver.DeliveryStats;
import io.rmqfleet.agent.deliver.HttpReportTransport;
import io.rmqfleet.agent.deliver.ReportBuffer;
import io.rmqfleet.agent.deliver.Scheduler;
import io.rmqfleet.agent.net.BoundedHttp;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.VerticleBase;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.net.NetClientOptions;
import java.time.Clock;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agent: every interval it collects a report and hands it to the {@link DeliveryLoop}. Everything runs on
 * this verticle's single event-loop context; the only blocking work (reading /proc and the file system) goes to
 * a worker through executeBlocking.
 */
public final class AgentVerticle extends VerticleBase {
    private static final Logger LOG = LoggerFactory.getLogger(AgentVerticle.class);

    private final AgentConfig config;
    private final String version;
    private final Clock clock;
    private final RandomGenerator random;

    private ReportCollector collector;
    private DeliveryLoop delivery;
    private boolean collecting;
    private long skippedTicks;

    public AgentVerticle(AgentConfig config, String version, Clock clock, RandomGenerator random) {
        this.config = config;
        this.version = version;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public Future<?> start() {
        HttpClient controllerClient = vertx.createHttpClient(new HttpClientOptions()
                .setSsl("https".equalsIgnoreCase(config.controller().getScheme()))
                .setKeepAlive(true), new PoolOptions().setHttp1MaxSize(1));
        HttpClient dockerClient = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true),
                new PoolOptions().setHttp1MaxSize(2));
        DockerEngine docker = new DockerEngine(new BoundedHttp(vertx, dockerClient),
                config.dockerSocket().toString(), config.requestTimeout());
        HostMetricsReader host = new HostMetricsReader(config.proc(), config.dataRoot());
        PortProber ports = new PortProber(vertx.createNetClient(new NetClientOptions()
                .setConnectTimeout((int) config.probeTimeout().toMillis())), config.ports());
        collector = new ReportCollector(config.host(), version, clock.instant(), clock, docker,
                () -> vertx.executeBlocking(host::read, false), ports);
        HttpReportTransport transport = new HttpReportTransport(new BoundedHttp(vertx, controllerClient),
                config.controller(), config.token().reveal(), version, config.connectTimeout(),
                config.requestTimeout(), clock);
        delivery = new DeliveryLoop(new ReportBuffer(config.bufferCapacity()), transport,
                new Backoff(config.backoffInitial(), config.backoffMax(), random), vertxScheduler(), clock);

        vertx.setPeriodic(1, config.interval().toMillis(), id -> tick());
        LOG.info("rmqfleet-agent {} reporting host {} to {} every {} (docker {}, data root {}, ports {},"
                        + " buffer {})", version, config.host(), config.controller(),
                Durations.format(config.interval()), config.dockerSocket(), config.dataRoot(), config.ports(),
                config.bufferCapacity());
        return Future.succeededFuture();
    }

    @Override
    public Future<?> stop() {
        if (delivery != null) {
            delivery.stop();
        }
        return Future.succeededFuture();
    }

    /** The delivery counters, read on the agent's context. */
    public Future<DeliveryStats> stats() {
        Promise<DeliveryStats> stats = Promise.promise();
        context.runOnContext(v -> stats.complete(delivery.stats()));
        return stats.future();
    }

    /** The sequence number of the last report collected, read on the agent's context. */
    public Future<Long> lastSequence() {
        Promise<Long> sequence = Promise.promise();
        context.runOnContext(v -> sequence.complete(collector.lastSequence()));
        return sequence.future();
    }

    private void tick() {
        if (collecting) {
            // The previous collection still waits (a slow dockerd): skip rather than pile up requests.
            skippedTicks++;
            if (skippedTicks == 1 || skippedTicks % 100 == 0) {
                LOG.warn("collecting a report takes longer than the interval; skipped {} ticks so far",
                        skippedTicks);
            }
            return;
        }
        collecting = true;
        collector.collect().onComplete(result -> {
            collecting = false;
            if (result.succeeded()) {
                delivery.offer(result.result());
            } else {
                LOG.error("could not build a report: {}", String.valueOf(result.cause()));
            }
        });
    }

    private Scheduler vertxScheduler() {
        return new Scheduler() {
            @Override
            public long schedule(long delayMillis, Runnable task) {
                return vertx.setTimer(Math.max(1, delayMillis), id -> task.run());
            }

            @Override
            public void cancel(long id) {
                vertx.cancelTimer(id);
            }
        };
    }
}
