package io.rmqfleet.controller.console;

import java.util.ArrayList;
import java.util.List;

/** Checks the console's command-line values; each problem is an IllegalArgumentException with a readable message. */
public final class ConsoleArgs {

    /** A host and a port, e.g. from {@code --listen 0.0.0.0:8080}. */
    public record HostPort(String host, int port) {
    }

    private ConsoleArgs() {
    }

    /** {@code HOST:PORT}, {@code :PORT} (all interfaces) or {@code [v6]:PORT}. */
    public static HostPort listen(String value) {
        HostPort hp = hostPort(value, "--listen");
        return new HostPort(hp.host().isEmpty() ? "0.0.0.0" : hp.host(), hp.port());
    }

    /** {@code ADDR[;ADDR...]} with each ADDR {@code host:port}; returns it normalized (no blanks, no empty parts). */
    public static String namesrv(String value) {
        List<String> parts = new ArrayList<>();
        for (String part : value.split(";")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            HostPort hp = hostPort(p, "--namesrv");
            if (hp.host().isEmpty()) {
                throw new IllegalArgumentException("--namesrv: '" + p + "' has no host (expected host:port)");
            }
            parts.add(p);
        }
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("--namesrv: expected host:port[;host:port...], got '" + value + "'");
        }
        return String.join(";", parts);
    }

    private static HostPort hostPort(String value, String option) {
        int colon = value.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException(option + ": expected host:port, got '" + value + "'");
        }
        String host = value.substring(0, colon).strip();
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        String portText = value.substring(colon + 1).strip();
        int port;
        try {
            port = Integer.parseInt(portText);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + ": '" + portText + "' in '" + value + "' is not a port number");
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(option + ": port " + port + " is outside 0..65535");
        }
        return new HostPort(host, port);
    }
}
