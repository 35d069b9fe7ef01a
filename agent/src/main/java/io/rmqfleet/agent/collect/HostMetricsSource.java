package io.rmqfleet.agent.collect;

/** Host-level metrics; {@link #read()} blocks (file I/O) and never throws. */
public interface HostMetricsSource {
    HostMetrics read();
}
