package io.rmqfleet.common.report;

import java.util.Objects;

/**
 * Space on the file system that holds the RocketMQ data root.
 *
 * @param path       the data root the agent measured (a path on the managed host)
 * @param freeBytes  bytes available to unprivileged users ({@code FileStore.getUsableSpace})
 * @param totalBytes the file system's size
 */
public record DiskUsage(String path, long freeBytes, long totalBytes) {
    public DiskUsage {
        Objects.requireNonNull(path, "path");
    }
}
