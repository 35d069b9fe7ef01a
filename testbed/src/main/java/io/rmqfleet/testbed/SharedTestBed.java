package io.rmqfleet.testbed;

import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One bed per JVM, shared by every test class that asks for it: starting hosts costs seconds, so integration
 * tests reuse them (and each test cleans up what it starts inside the hosts). It is removed by
 * {@link #close()} or, at the latest, by a shutdown hook when the test JVM exits.
 *
 * <p>Size: system property {@code rmqfleet.testbed.hosts} (default 3). Subnet: the first free /24 from
 * 10.213.100.0/24 on, so a bed from {@code rmqfleet testbed up} or {@code demo} (10.213.0.0/24) can run beside.
 */
public final class SharedTestBed {
    public static final Subnet IT_SUBNET_START = new Subnet(100);
    private static final Logger LOG = LoggerFactory.getLogger(SharedTestBed.class);
    private static TestBed bed;
    private static boolean hookInstalled;

    private SharedTestBed() {
    }

    /** The shared bed, started on first use; fails when it has fewer than {@code minHosts} hosts. */
    public static synchronized TestBed get(int minHosts) {
        if (bed == null) {
            TestImages.ensure();
            int size = Math.max(minHosts, Integer.getInteger("rmqfleet.testbed.hosts", 3));
            String name = "it-" + ProcessHandle.current().pid() + "-"
                + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
            installHook();
            bed = TestBed.start(TestBedSpec.of(name, size).withSubnet(IT_SUBNET_START, true));
            LOG.info("shared test bed {} started in {} ms", bed, bed.startupTime().toMillis());
        }
        if (bed.hosts().size() < minHosts) {
            throw new IllegalStateException("the shared test bed has " + bed.hosts().size() + " hosts, " + minHosts
                + " needed: start the JVM with -Drmqfleet.testbed.hosts=" + minHosts);
        }
        return bed;
    }

    public static synchronized void close() {
        if (bed != null) {
            bed.close();
            bed = null;
        }
    }

    private static void installHook() {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(SharedTestBed::close, "shared-testbed-cleanup"));
            hookInstalled = true;
        }
    }
}
