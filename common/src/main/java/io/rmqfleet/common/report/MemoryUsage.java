package io.rmqfleet.common.report;

/** The host's memory from {@code /proc/meminfo}: {@code MemTotal} and {@code MemAvailable}, in bytes. */
public record MemoryUsage(long totalBytes, long availableBytes) {
}
