package io.rmqfleet.controller.state.layout;

import java.util.List;
import java.util.Objects;

/**
 * A container the inventory says must run on a host.
 *
 * @param owner    the inventory host it belongs to
 * @param name     its Docker name ({@link ContainerNames})
 * @param role     what it is
 * @param ports    the TCP ports it listens on (host network): a foreign listener there is a squatter
 * @param specHash the {@code rmqfleet.spec-hash} the last apply gave it; null when not known
 */
public record ExpectedContainer(String owner, String name, ContainerRole role, List<Integer> ports, String specHash) {
    public ExpectedContainer {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(role, "role");
        ports = List.copyOf(ports);
    }

    public ExpectedContainer withSpecHash(String hash) {
        return new ExpectedContainer(owner, name, role, ports, hash);
    }
}
