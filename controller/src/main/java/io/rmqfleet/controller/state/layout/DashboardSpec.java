package io.rmqfleet.controller.state.layout;

/** A RocketMQ dashboard as the inventory describes it. */
public record DashboardSpec(String host, String address, int port) {
}
