package io.rmqfleet.agent.collect;

import io.rmqfleet.common.report.PortProbe;
import io.vertx.core.Future;
import io.vertx.core.net.NetClient;
import java.util.ArrayList;
import java.util.List;

/**
 * Tries a TCP connect to {@code 127.0.0.1:port} for each RocketMQ port (asynchronously, with the NetClient's
 * connect timeout) and closes the connection at once. Open means something accepts connections there.
 */
public final class PortProber implements PortSource {
    private static final String LOOPBACK = "127.0.0.1";

    private final NetClient client;
    private final List<Integer> ports;

    /** {@code client} must carry the probe timeout as its connect timeout. */
    public PortProber(NetClient client, List<Integer> ports) {
        this.client = client;
        this.ports = List.copyOf(ports);
    }

    @Override
    public Future<List<PortProbe>> probe() {
        List<Future<PortProbe>> probes = new ArrayList<>(ports.size());
        for (int port : ports) {
            probes.add(client.connect(port, LOOPBACK)
                    .compose(socket -> socket.close().otherwiseEmpty().map(v -> new PortProbe(port, true)))
                    .otherwise(new PortProbe(port, false)));
        }
        return Future.all(probes).map(all -> {
            List<PortProbe> result = new ArrayList<>(ports.size());
            for (int i = 0; i < ports.size(); i++) {
                result.add(all.resultAt(i));
            }
            return result;
        });
    }
}
