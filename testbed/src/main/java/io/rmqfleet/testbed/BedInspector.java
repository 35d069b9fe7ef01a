package io.rmqfleet.testbed;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import java.util.List;
import java.util.Map;
import java.util.Comparator;
import java.util.TreeMap;

/** Reads the state of a bed's host containers from Docker, e.g. for {@code rmqfleet testbed status}. */
public final class BedInspector {
    private final DockerClient docker;

    BedInspector(DockerClient docker) {
        this.docker = docker;
    }

    public static BedInspector connect() {
        return new BedInspector(BedDocker.connect().client());
    }

    /** Host name to Docker's container state ({@code running}, {@code exited}, ...) for every host container. */
    public Map<String, String> hostStates(String bedName) {
        List<Container> containers = docker.listContainersCmd().withShowAll(true)
            .withFilter("label", List.of(BedLabels.filter(BedLabels.requireValidName(bedName)), BedLabels.ROLE + "=host"))
            .exec();
        // host2 before host10
        Map<String, String> states = new TreeMap<>(
            Comparator.comparingInt(String::length).thenComparing(Comparator.naturalOrder()));
        for (Container container : containers) {
            String host = container.getLabels() == null ? null : container.getLabels().get(BedLabels.HOST);
            if (host != null) {
                states.put(host, container.getState());
            }
        }
        return states;
    }
}
