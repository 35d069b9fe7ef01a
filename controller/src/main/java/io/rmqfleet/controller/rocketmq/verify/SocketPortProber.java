package io.rmqfleet.controller.rocketmq.verify;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;

/** A plain TCP connect with a timeout. */
public final class SocketPortProber implements PortProber {

    @Override
    public void connect(String host, int port, Duration timeout) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), (int) Math.max(1, timeout.toMillis()));
        }
    }
}
