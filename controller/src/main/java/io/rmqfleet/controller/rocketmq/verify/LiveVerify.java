package io.rmqfleet.controller.rocketmq.verify;

import io.rmqfleet.controller.rocketmq.ClusterLayout;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** Verify against a real cluster: the RocketMQ admin and clients, real sockets and HTTP, the system clock. */
public final class LiveVerify {
    private static final SecureRandom RANDOM = new SecureRandom();

    private LiveVerify() {
    }

    public static VerifyReport run(ClusterLayout layout, VerifyOptions options) {
        return run(layout, options, List.of(new HttpDashboardProbe()));
    }

    public static VerifyReport run(ClusterLayout layout, VerifyOptions options, List<DashboardProbe> dashboardProbes) {
        Clock clock = Clock.systemUTC();
        String runId = newRunId(clock);
        RocketMqClusterAdmin admin = new RocketMqClusterAdmin(layout, options.callTimeout(), runId);
        try {
            ClusterVerifier verifier = new ClusterVerifier(admin, new SocketPortProber(),
                new RocketMqRoundTrip(options.callTimeout()), dashboardProbes, clock,
                d -> Thread.sleep(d.toMillis()), () -> runId);
            return verifier.verify(layout, options);
        } finally {
            Closer.within(Duration.ofSeconds(3), admin::close);
        }
    }

    /** Time-ordered and unique enough: base-36 milliseconds plus 24 random bits. */
    static String newRunId(Clock clock) {
        return Long.toString(clock.millis(), 36) + String.format("%06x", RANDOM.nextInt(1 << 24));
    }
}
