package io.rmqfleet.agent.collect;

import io.rmqfleet.common.report.PortProbe;
import io.vertx.core.Future;
import java.util.List;

/** Which local RocketMQ ports accept connections. The future always succeeds. */
public interface PortSource {
    Future<List<PortProbe>> probe();
}
