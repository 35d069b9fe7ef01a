package io.rmqfleet.agent;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The agent's settings, read once at start ({@link ConfigParser}); docs/agent.md lists each with its flag,
 * environment variable and default.
 */
public record AgentConfig(
        URI controller,
        String host,
        Secret token,
        Duration interval,
        Path dockerSocket,
        Path dataRoot,
        Path proc,
        List<Integer> ports,
        Duration probeTimeout,
        Duration connectTimeout,
        Duration requestTimeout,
        int bufferCapacity,
        Duration backoffInitial,
        Duration backoffMax) {

    /** NameServer, broker listen port, its "VIP" channel (listenPort-2) and HA port (listenPort+1). */
    public static final List<Integer> ROCKETMQ_PORTS = List.of(9876, 10911, 10909, 10912);

    public AgentConfig {
        ports = List.copyOf(ports);
    }
}
