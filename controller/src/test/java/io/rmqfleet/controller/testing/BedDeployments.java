package io.rmqfleet.controller.testing;

import io.rmqfleet.testbed.TestBed;
import io.rmqfleet.testbed.TestHost;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * The integration tests share one test bed per JVM (SharedTestBed). A test that deploys a cluster onto it leaves
 * NameServers, brokers and agents holding ports 9876/10911/... on the hosts; the next class would then fail to
 * bind. Tests that deploy call {@link #removeAll} when they are done.
 */
public final class BedDeployments {
    private static final String WIPE = "docker ps -aq --filter label=rmqfleet.managed=true | xargs -r docker rm -f"
        + " >/dev/null; rm -rf /var/lib/rmqfleet";

    private BedDeployments() {
    }

    /** Removes every rmqfleet-managed container and the RocketMQ data root on every host of the bed. */
    public static void removeAll(TestBed bed) {
        for (TestHost host : bed.hosts()) {
            try {
                Process p = new ProcessBuilder("docker", "exec", host.containerName(), "sh", "-c", WIPE)
                    .redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new IllegalStateException("cleaning " + host.name() + " failed: " + out);
                }
            } catch (IOException e) {
                throw new IllegalStateException("cleaning " + host.name() + ": " + e.getMessage(), e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while cleaning " + host.name(), e);
            }
        }
    }
}
