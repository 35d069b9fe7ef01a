package io.rmqfleet.controller.rocketmq.verify;

import io.rmqfleet.controller.rocketmq.ClusterLayout;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Verify against a real cluster: the RocketMQ admin and clients, real sockets and HTTP, the system clock. */
public final class LiveVerify {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration MIN_BUDGET = Duration.ofSeconds(1);

    private LiveVerify() {
    }

    public static VerifyReport run(ClusterLayout layout, VerifyOptions options) {
        return run(layout, options, List.of(new HttpDashboardProbe(), new ConsoleClusterProbe()));
    }

    public static VerifyReport run(ClusterLayout layout, VerifyOptions options, List<DashboardProbe> dashboardProbes) {
        Clock clock = Clock.systemUTC();
        Instant begin = clock.instant();
        String runId = newRunId(clock);
        RocketMqClusterAdmin admin = new RocketMqClusterAdmin(layout, options.callTimeout(), runId);
        try {
            try {
                admin.start(layout);
            } catch (ProbeException e) {
                return new VerifyReport(runId, List.of(CheckResult.fail("verify.start", "controller", e.getMessage())),
                    Duration.between(begin, clock.instant()));
            }
            // Starting the clients is part of the run: what is left of --timeout goes to the checks.
            Duration left = options.timeout().minus(Duration.between(begin, clock.instant()));
            VerifyOptions budget = options.withTimeout(left.compareTo(MIN_BUDGET) < 0 ? MIN_BUDGET : left);
            ClusterVerifier verifier = new ClusterVerifier(admin, new SocketPortProber(),
                new RocketMqRoundTrip(options.callTimeout()), dashboardProbes, clock,
                d -> Thread.sleep(d.toMillis()), () -> runId);
            VerifyReport report = verifier.verify(layout, budget);
            return new VerifyReport(runId, report.results(), Duration.between(begin, clock.instant()));
        } finally {
            Closer.inBackground(admin::close);
        }
    }

    /** Time-ordered and unique enough: base-36 milliseconds plus 24 random bits. */
    static String newRunId(Clock clock) {
        return Long.toString(clock.millis(), 36) + String.format("%06x", RANDOM.nextInt(1 << 24));
    }
}
