package io.rmqfleet.testbed;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.async.ResultCallback;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.exception.DockerException;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.Frame;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Network;
import com.github.dockerjava.api.model.Volume;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.dockerclient.DockerClientProviderStrategy;

/**
 * The Docker calls a bed makes, through Testcontainers' engine discovery (DOCKER_HOST, ~/.testcontainers.properties,
 * the local socket) and its docker-java transport with API version fallback.
 *
 * <p>Why not {@code GenericContainer}/{@code Network}: they stamp every resource with Testcontainers' session
 * label, and with Ryuk disabled (no registry here to pull it) a JVM shutdown hook prunes everything carrying it.
 * {@code rmqfleet testbed up} must leave its hosts running after the process exits, so the bed owns the life
 * cycle itself: every resource carries {@link BedLabels#BED} and {@link BedCleaner} removes by that label.
 *
 * <p>Why not {@code DockerClientFactory.client()}: when the JVM runs inside a container (/.dockerenv) it
 * starts an alpine container to find the gateway, and alpine cannot be pulled here. The bed never needs the
 * Docker host's IP (no port mappings), so it takes the transport config and builds the client directly.
 */
final class BedDocker {
    private static DockerClient shared;
    private final DockerClient docker;

    BedDocker(DockerClient docker) {
        this.docker = docker;
    }

    static BedDocker connect() {
        return new BedDocker(sharedClient());
    }

    private static synchronized DockerClient sharedClient() {
        if (shared == null) {
            shared = DockerClientProviderStrategy.getClientForConfig(DockerClientFactory.instance().getTransportConfig());
        }
        return shared;
    }

    DockerClient client() {
        return docker;
    }

    /**
     * Creates the bed's internal network on {@code wanted}, or, when {@code search} is set and another network
     * already uses it, on the next free /24. Returns the subnet taken.
     */
    Subnet createNetwork(String bedName, Subnet wanted, boolean search) {
        Set<String> taken = subnetsInUse();
        Optional<Subnet> candidate = Optional.of(wanted);
        while (candidate.isPresent()) {
            Subnet subnet = candidate.get();
            if (!taken.contains(subnet.cidr())) {
                try {
                    docker.createNetworkCmd()
                        .withName(BedLabels.networkName(bedName))
                        .withInternal(true)
                        .withCheckDuplicate(true)
                        .withIpam(new Network.Ipam().withConfig(
                            new Network.Ipam.Config().withSubnet(subnet.cidr()).withGateway(subnet.gateway())))
                        .withLabels(BedLabels.forBed(bedName, "network"))
                        .exec();
                    return subnet;
                } catch (DockerException e) {
                    // Another process took the subnet between our listing and the create: try the next one.
                    if (!search || !String.valueOf(e.getMessage()).contains("overlap")) {
                        throw new TestBedException("cannot create network " + BedLabels.networkName(bedName)
                            + " on " + subnet + ": " + e.getMessage(), e);
                    }
                }
            } else if (!search) {
                throw new TestBedException("subnet " + subnet + " is already used by another Docker network");
            }
            candidate = subnet.next();
        }
        throw new TestBedException("no free /24 left in 10.213.0.0/16 from " + wanted + " on");
    }

    private Set<String> subnetsInUse() {
        Set<String> subnets = new HashSet<>();
        for (Network network : docker.listNetworksCmd().exec()) {
            if (network.getIpam() != null && network.getIpam().getConfig() != null) {
                network.getIpam().getConfig().stream()
                    .map(Network.Ipam.Config::getSubnet)
                    .filter(Objects::nonNull)
                    .forEach(subnets::add);
            }
        }
        return subnets;
    }

    /** Creates and starts one host container; returns its id. */
    String startHost(String bedName, String hostName, String address, String image, String authorizedKey) {
        String volume = BedLabels.volumeName(bedName, hostName);
        docker.createVolumeCmd()
            .withName(volume)
            .withLabels(BedLabels.forHost(bedName, "docker-data", hostName))
            .exec();

        HostConfig hostConfig = new UnconfinedHostConfig()
            .withCapAdd(Capability.ALL)
            // The outer engine lacks CAP_SYS_RESOURCE, so --privileged (and keeping it) fails here.
            .withCapDrop(Capability.SYS_RESOURCE)
            .withSecurityOpts(List.of("seccomp=unconfined", "apparmor=unconfined"))
            .withTmpFs(Map.of("/run", ""))
            .withBinds(new Bind(volume, new Volume("/var/lib/docker")))
            .withNetworkMode(BedLabels.networkName(bedName));

        String id = docker.createContainerCmd(image)
            .withName(BedLabels.containerName(bedName, hostName))
            .withHostName(hostName)
            .withEnv("RMQFLEET_AUTHORIZED_KEY=" + authorizedKey)
            .withLabels(BedLabels.forHost(bedName, "host", hostName))
            .withIpv4Address(address)
            .withHostConfig(hostConfig)
            .exec()
            .getId();
        docker.startContainerCmd(id).exec();
        return id;
    }

    InspectContainerResponse inspect(String containerId) {
        return docker.inspectContainerCmd(containerId).exec();
    }

    boolean isRunning(String containerId) {
        InspectContainerResponse.ContainerState state = inspect(containerId).getState();
        return state != null && Boolean.TRUE.equals(state.getRunning());
    }

    /** What a {@code docker exec} left behind. */
    record ExecOutput(int exitCode, String stdout, String stderr) {
    }

    /** {@code docker exec} in the outer container (not over SSH): used before SSH works, e.g. for host keys. */
    ExecOutput exec(String containerId, String... command) throws InterruptedException {
        String execId = docker.execCreateCmd(containerId).withAttachStdout(true).withAttachStderr(true)
            .withCmd(command).exec().getId();
        StringBuilder stdout = new StringBuilder();
        StringBuilder stderr = new StringBuilder();
        docker.execStartCmd(execId).exec(new ResultCallback.Adapter<Frame>() {
            @Override
            public void onNext(Frame frame) {
                String text = new String(frame.getPayload(), StandardCharsets.UTF_8);
                switch (frame.getStreamType()) {
                    case STDERR -> stderr.append(text);
                    default -> stdout.append(text);
                }
            }
        }).awaitCompletion();
        Long exit = docker.inspectExecCmd(execId).exec().getExitCodeLong();
        return new ExecOutput(exit == null ? -1 : exit.intValue(), stdout.toString(), stderr.toString());
    }

    /** The last {@code lines} lines the container printed, for error messages. */
    String logTail(String containerId, int lines) {
        StringBuilder out = new StringBuilder();
        try {
            docker.logContainerCmd(containerId).withStdOut(true).withStdErr(true).withTail(lines)
                .exec(new ResultCallback.Adapter<Frame>() {
                    @Override
                    public void onNext(Frame frame) {
                        out.append(new String(frame.getPayload(), StandardCharsets.UTF_8));
                    }
                })
                .awaitCompletion();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            return "(logs unavailable: " + e.getMessage() + ")";
        }
        return out.toString().strip();
    }

    boolean imageExists(String image) {
        try {
            docker.inspectImageCmd(image).exec();
            return true;
        } catch (com.github.dockerjava.api.exception.NotFoundException e) {
            return false;
        }
    }
}
