package io.rmqfleet.testbed;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Docker labels on everything a bed creates. Removal goes by {@link #BED} only, so a bed never touches
 * another bed's (or anybody else's) containers, networks or volumes.
 */
public final class BedLabels {
    public static final String BED = "rmqfleet.testbed";
    public static final String HOST = "rmqfleet.testbed.host";
    public static final String ROLE = "rmqfleet.testbed.role";

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    private BedLabels() {
    }

    /** Bed names end up in container, network and volume names: keep them short and Docker-safe. */
    public static String requireValidName(String bedName) {
        if (bedName == null || !NAME.matcher(bedName).matches()) {
            throw new IllegalArgumentException(
                "bed name must be 1-40 characters of [a-z0-9-], starting with a letter or digit: " + bedName);
        }
        return bedName;
    }

    public static String filter(String bedName) {
        return BED + "=" + bedName;
    }

    static Map<String, String> forBed(String bedName, String role) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(BED, bedName);
        labels.put(ROLE, role);
        return labels;
    }

    static Map<String, String> forHost(String bedName, String role, String hostName) {
        Map<String, String> labels = forBed(bedName, role);
        labels.put(HOST, hostName);
        return labels;
    }

    static String networkName(String bedName) {
        return "rmqfleet-" + bedName;
    }

    static String containerName(String bedName, String hostName) {
        return "rmqfleet-" + bedName + "-" + hostName;
    }

    static String volumeName(String bedName, String hostName) {
        return "rmqfleet-" + bedName + "-" + hostName + "-docker";
    }
}
