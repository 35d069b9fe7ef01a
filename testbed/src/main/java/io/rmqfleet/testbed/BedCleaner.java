package io.rmqfleet.testbed;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectVolumeResponse;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import java.util.ArrayList;
import java.util.List;

/** Finds and removes exactly what one bed created: containers, then networks, then volumes carrying its label. */
public final class BedCleaner {

    /** What Docker holds for one bed, by name. */
    public record Resources(List<String> containers, List<String> networks, List<String> volumes) {
        public boolean isEmpty() {
            return containers.isEmpty() && networks.isEmpty() && volumes.isEmpty();
        }

        public int count() {
            return containers.size() + networks.size() + volumes.size();
        }

        @Override
        public String toString() {
            return containers.size() + " container(s), " + networks.size() + " network(s), "
                + volumes.size() + " volume(s)";
        }
    }

    private final DockerClient docker;

    BedCleaner(DockerClient docker) {
        this.docker = docker;
    }

    public static BedCleaner connect() {
        return new BedCleaner(BedDocker.connect().client());
    }

    public Resources find(String bedName) {
        List<String> filter = List.of(BedLabels.filter(BedLabels.requireValidName(bedName)));
        List<String> containers = docker.listContainersCmd().withShowAll(true).withFilter("label", filter).exec()
            .stream().map(BedCleaner::containerName).toList();
        List<String> networks = docker.listNetworksCmd().withFilter("label", filter).exec()
            .stream().map(Network::getName).toList();
        List<InspectVolumeResponse> volumeList = docker.listVolumesCmd().withFilter("label", filter).exec().getVolumes();
        List<String> volumes = volumeList == null ? List.of()
            : volumeList.stream().map(InspectVolumeResponse::getName).toList();
        return new Resources(containers, networks, volumes);
    }

    /** Removes everything labelled with {@code bedName}; returns what was removed. Errors name what is left. */
    public Resources remove(String bedName) {
        List<String> filter = List.of(BedLabels.filter(BedLabels.requireValidName(bedName)));
        List<String> failures = new ArrayList<>();

        List<Container> containers = docker.listContainersCmd().withShowAll(true).withFilter("label", filter).exec();
        // Killing sshd + dockerd needs no grace period: nothing inside a test host is worth a clean shutdown.
        List<String> removedContainers = containers.parallelStream()
            .filter(c -> attempt(failures, "container " + containerName(c),
                () -> docker.removeContainerCmd(c.getId()).withForce(true).withRemoveVolumes(true).exec()))
            .map(BedCleaner::containerName)
            .toList();

        List<String> removedNetworks = new ArrayList<>();
        for (Network network : docker.listNetworksCmd().withFilter("label", filter).exec()) {
            if (attempt(failures, "network " + network.getName(), () -> docker.removeNetworkCmd(network.getId()).exec())) {
                removedNetworks.add(network.getName());
            }
        }

        List<String> removedVolumes = new ArrayList<>();
        List<InspectVolumeResponse> volumes = docker.listVolumesCmd().withFilter("label", filter).exec().getVolumes();
        for (InspectVolumeResponse volume : volumes == null ? List.<InspectVolumeResponse>of() : volumes) {
            if (attempt(failures, "volume " + volume.getName(), () -> docker.removeVolumeCmd(volume.getName()).exec())) {
                removedVolumes.add(volume.getName());
            }
        }

        if (!failures.isEmpty()) {
            throw new TestBedException("could not remove all of test bed '" + bedName + "': " + String.join("; ", failures));
        }
        return new Resources(removedContainers, removedNetworks, removedVolumes);
    }

    private static boolean attempt(List<String> failures, String what, Runnable action) {
        try {
            action.run();
            return true;
        } catch (NotFoundException gone) {
            return false; // removed concurrently (e.g. by a second "down"): nothing left to do
        } catch (RuntimeException e) {
            synchronized (failures) {
                failures.add(what + ": " + e.getMessage());
            }
            return false;
        }
    }

    private static String containerName(Container container) {
        String[] names = container.getNames();
        return names == null || names.length == 0 ? container.getId() : names[0].replaceFirst("^/", "");
    }
}
