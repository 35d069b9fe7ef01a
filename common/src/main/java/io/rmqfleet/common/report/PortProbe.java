package io.rmqfleet.common.report;

/** Whether a TCP connect to {@code 127.0.0.1:port} on the managed host succeeded. */
public record PortProbe(int port, boolean open) {
}
