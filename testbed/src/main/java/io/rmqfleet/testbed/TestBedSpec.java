package io.rmqfleet.testbed;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * What to start: {@code hosts} test hosts named host1..hostN on a private network of their own.
 *
 * @param name          bed name; labels, container, network and volume names derive from it
 * @param hosts         number of hosts (1..{@value Subnet#MAX_HOSTS})
 * @param subnet        the /24 to use, or where the search for a free one starts
 * @param searchSubnet  when {@code subnet} is taken by another Docker network, take the next free /24 instead
 * @param stateDir      where the key, known_hosts and inventory are written; {@code null}: a temporary directory
 *                      that {@link TestBed#close()} deletes
 * @param image         the host image (sshd + dockerd)
 * @param readyTimeout  how long one host may take until SSH answers and a container runs inside it
 * @param clock         time source for deadlines and timings
 */
public record TestBedSpec(
    String name,
    int hosts,
    Subnet subnet,
    boolean searchSubnet,
    Path stateDir,
    String image,
    Duration readyTimeout,
    Clock clock) {

    public static final String DEFAULT_IMAGE = "rmqfleet/testhost:latest";
    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofMinutes(3);

    public TestBedSpec {
        BedLabels.requireValidName(name);
        if (hosts < 1 || hosts > Subnet.MAX_HOSTS) {
            throw new IllegalArgumentException("hosts must be 1.." + Subnet.MAX_HOSTS + ": " + hosts);
        }
        Objects.requireNonNull(subnet, "subnet");
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(readyTimeout, "readyTimeout");
        Objects.requireNonNull(clock, "clock");
    }

    /** {@code hosts} hosts on 10.213.0.0/24 (or the next free /24), files in a temporary directory. */
    public static TestBedSpec of(String name, int hosts) {
        return new TestBedSpec(name, hosts, Subnet.DEFAULT, true, null, DEFAULT_IMAGE, DEFAULT_READY_TIMEOUT,
            Clock.systemUTC());
    }

    public TestBedSpec withSubnet(Subnet newSubnet, boolean search) {
        return new TestBedSpec(name, hosts, newSubnet, search, stateDir, image, readyTimeout, clock);
    }

    public TestBedSpec withStateDir(Path dir) {
        return new TestBedSpec(name, hosts, subnet, searchSubnet, dir, image, readyTimeout, clock);
    }

    public TestBedSpec withImage(String newImage) {
        return new TestBedSpec(name, hosts, subnet, searchSubnet, stateDir, newImage, readyTimeout, clock);
    }

    public TestBedSpec withReadyTimeout(Duration timeout) {
        return new TestBedSpec(name, hosts, subnet, searchSubnet, stateDir, image, timeout, clock);
    }

    public TestBedSpec withClock(Clock newClock) {
        return new TestBedSpec(name, hosts, subnet, searchSubnet, stateDir, image, readyTimeout, newClock);
    }

    /** host1, host2, ... */
    public static String hostName(int number) {
        return "host" + number;
    }
}
