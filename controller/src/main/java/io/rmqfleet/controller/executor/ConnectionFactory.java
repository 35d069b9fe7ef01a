package io.rmqfleet.controller.executor;

import io.rmqfleet.controller.connection.Connection;

/** Opens the connection to one host; failing to reach it is an {@link io.rmqfleet.controller.connection.UnreachableException}. */
@FunctionalInterface
public interface ConnectionFactory {

    Connection open(String host);
}
