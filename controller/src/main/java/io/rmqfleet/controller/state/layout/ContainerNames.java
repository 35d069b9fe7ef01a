package io.rmqfleet.controller.state.layout;

import java.util.regex.Pattern;

/**
 * The names of the containers rmqfleet runs on a host. The playbook roles name their containers exactly so, and
 * the drift engine expects exactly these names: change them here and in the roles together (docs/serve.md).
 *
 * <ul>
 *   <li>{@code rmqnamesrv} on every host of group {@code namesrv}</li>
 *   <li>{@code rmqbroker-<broker_name>-<broker_id>} on every host of group {@code broker} (unique per machine, so
 *       several brokers can share one)</li>
 *   <li>{@code rmqdashboard} on every host of group {@code dashboard}</li>
 *   <li>{@code rmqfleet-agent} on every managed machine</li>
 * </ul>
 */
public final class ContainerNames {
    public static final String NAMESRV = "rmqnamesrv";
    public static final String DASHBOARD = "rmqdashboard";
    public static final String AGENT = "rmqfleet-agent";
    private static final String BROKER_PREFIX = "rmqbroker-";
    /** Docker names allow [a-zA-Z0-9][a-zA-Z0-9_.-]*; anything else in a broker name becomes '_'. */
    private static final Pattern NOT_DOCKER = Pattern.compile("[^A-Za-z0-9_.-]");

    private ContainerNames() {
    }

    /** {@code rmqbroker-broker-a-0} for the master of broker-a, {@code rmqbroker-broker-a-1} for its slave. */
    public static String broker(String brokerName, long brokerId) {
        return BROKER_PREFIX + NOT_DOCKER.matcher(brokerName).replaceAll("_") + "-" + brokerId;
    }

    public static boolean isBroker(String containerName) {
        return containerName.startsWith(BROKER_PREFIX);
    }
}
