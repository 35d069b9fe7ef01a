package io.rmqfleet.controller.cli;

import io.rmqfleet.testbed.TestBed;
import io.rmqfleet.testbed.TestHost;
import java.time.Instant;
import java.util.List;

/**
 * What {@code rmqfleet testbed up} started, kept in {@code .rmqfleet/testbed/state.json} so that later
 * processes ({@code status}, {@code down}, a second {@code up}) find the bed again.
 */
public record TestbedState(
    String bed,
    String subnet,
    String network,
    String startedAt,
    long startupMillis,
    List<Host> hosts,
    String privateKey,
    String knownHosts,
    String inventory,
    String inventoryCopy) {

    public record Host(String name, String address, int sshPort, String container, String fingerprint) {
    }

    public TestbedState {
        hosts = List.copyOf(hosts);
    }

    static TestbedState of(TestBed bed, Instant startedAt, String inventoryCopy) {
        List<Host> hosts = bed.hosts().stream().map(TestbedState::host).toList();
        return new TestbedState(bed.name(), bed.subnet().cidr(), bed.networkName(), startedAt.toString(),
            bed.startupTime().toMillis(), hosts, bed.privateKey().toString(), bed.knownHosts().toString(),
            bed.inventory().toString(), inventoryCopy);
    }

    private static Host host(TestHost h) {
        return new Host(h.name(), h.address(), h.sshPort(), h.containerName(), h.fingerprint());
    }

    TestbedState withInventoryCopy(String path) {
        return new TestbedState(bed, subnet, network, startedAt, startupMillis, hosts, privateKey, knownHosts,
            inventory, path);
    }
}
