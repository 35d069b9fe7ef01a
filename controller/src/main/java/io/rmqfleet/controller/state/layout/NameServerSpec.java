package io.rmqfleet.controller.state.layout;

/** A NameServer as the inventory describes it: inventory host, address (ansible_host) and port. */
public record NameServerSpec(String host, String address, int port) {
    public String endpoint() {
        return address + ":" + port;
    }
}
