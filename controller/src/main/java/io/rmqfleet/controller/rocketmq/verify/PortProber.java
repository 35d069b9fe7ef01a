package io.rmqfleet.controller.rocketmq.verify;

import java.io.IOException;
import java.time.Duration;

/** Opens (and closes) a TCP connection: the port answers or the exception says why not. */
@FunctionalInterface
public interface PortProber {

    void connect(String host, int port, Duration timeout) throws IOException;
}
