package io.rmqfleet.agent.deliver;

import io.rmqfleet.common.report.AgentReport;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.util.ArrayList;
import java.util.List;

/**
 * A controller stand-in: records every report sent and answers each attempt when the test completes it
 * ({@link #answer}) — or immediately with {@link #answerAllWith} set.
 */
final class ScriptedTransport implements ReportTransport {
    final List<AgentReport> sent = new ArrayList<>();
    private final List<Promise<Outcome>> open = new ArrayList<>();
    private Outcome automatic;

    @Override
    public Future<Outcome> send(AgentReport report) {
        sent.add(report);
        if (automatic != null) {
            return Future.succeededFuture(automatic);
        }
        Promise<Outcome> promise = Promise.promise();
        open.add(promise);
        return promise.future();
    }

    /** Completes the oldest open attempt. */
    void answer(Outcome outcome) {
        open.remove(0).complete(outcome);
    }

    void fail(Throwable cause) {
        open.remove(0).fail(cause);
    }

    /** From now on every attempt is answered at once with {@code outcome} (null: the test answers). */
    void answerAllWith(Outcome outcome) {
        automatic = outcome;
    }

    int inFlight() {
        return open.size();
    }
}
