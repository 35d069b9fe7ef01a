package io.rmqfleet.agent.collect;

import io.rmqfleet.common.report.CollectorError;
import io.rmqfleet.common.report.DiskUsage;
import io.rmqfleet.common.report.LoadAverage;
import io.rmqfleet.common.report.MemoryUsage;
import java.util.List;

/** The host-level part of a report; a section that could not be read is null with an entry in errors. */
public record HostMetrics(DiskUsage disk, LoadAverage load, MemoryUsage memory, List<CollectorError> errors) {
    public HostMetrics {
        errors = List.copyOf(errors);
    }
}
