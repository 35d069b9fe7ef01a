package io.rmqfleet.controller.rocketmq;

import static io.rmqfleet.controller.rocketmq.ClusterDefaults.BROKER_DIRECT_MEMORY;
import static io.rmqfleet.controller.rocketmq.ClusterDefaults.BROKER_HEAP;
import static io.rmqfleet.controller.rocketmq.ClusterDefaults.CLUSTER_NAME;
import static io.rmqfleet.controller.rocketmq.ClusterDefaults.DATA_ROOT;
import static io.rmqfleet.controller.rocketmq.ClusterDefaults.DELETE_WHEN;
import static io.rmqfleet.controller.rocketmq.ClusterDefaults.FILE_RESERVED_TIME;
import static io.rmqfleet.controller.rocketmq.ClusterDefaults.IMAGE;
import static io.rmqfleet.controller.rocketmq.ClusterDefaults.IMAGE_SOURCE;
import static io.rmqfleet.controller.rocketmq.ClusterDefaults.NAMESRV_HEAP;

import java.util.regex.Pattern;

/**
 * Checks the cluster-wide variables (usually group_vars) as seen by one host: values the roles will write into
 * broker.conf or the container spec must be well-formed before anything changes.
 */
final class ClusterVarsCheck {
    /** A JVM memory size as -Xmx takes it: 512m, 2g. */
    private static final Pattern MEMORY_SIZE = Pattern.compile("[1-9][0-9]*[kKmMgG]");
    /** RocketMQ's deleteWhen: hours of the day, ';'-separated ("04", "04;16"). */
    private static final Pattern HOURS = Pattern.compile("([01]?[0-9]|2[0-3])(;([01]?[0-9]|2[0-3]))*");
    /** brokerClusterName / brokerName: RocketMQ accepts letters, digits, '-', '_' (and '%', '|' internally). */
    static final Pattern RESOURCE_NAME = Pattern.compile("[A-Za-z0-9_-]{1,127}");

    private ClusterVarsCheck() {
    }

    static void check(HostVarReader vars) {
        vars.text(CLUSTER_NAME).ifPresent(name -> {
            if (!RESOURCE_NAME.matcher(name).matches()) {
                vars.problem(CLUSTER_NAME + " must be letters, digits, '-' or '_', got '" + name + "'");
            }
        });
        vars.text(DELETE_WHEN).ifPresent(when -> {
            if (!HOURS.matcher(when).matches()) {
                vars.problem(DELETE_WHEN + " must be hours of the day separated by ';' (e.g. 04 or 04;16), got '" + when + "'");
            }
        });
        vars.integer(FILE_RESERVED_TIME, ClusterDefaults.DEFAULT_FILE_RESERVED_TIME, 1, 24L * 365 * 10);
        for (String name : new String[] {NAMESRV_HEAP, BROKER_HEAP, BROKER_DIRECT_MEMORY}) {
            vars.text(name).ifPresent(size -> {
                if (!MEMORY_SIZE.matcher(size).matches()) {
                    vars.problem(name + " must be a JVM memory size such as 256m or 2g, got '" + size + "'");
                }
            });
        }
        vars.text(IMAGE).ifPresent(image -> {
            if (image.isEmpty() || image.chars().anyMatch(Character::isWhitespace)) {
                vars.problem(IMAGE + " must be an image reference such as " + ClusterDefaults.DEFAULT_IMAGE + ", got '" + image + "'");
            }
        });
        vars.text(IMAGE_SOURCE).ifPresent(source -> {
            if (!source.equals("pull") && !source.equals("ship")) {
                vars.problem(IMAGE_SOURCE + " must be pull or ship, got '" + source + "'");
            }
        });
        vars.text(DATA_ROOT).ifPresent(root -> {
            if (!root.startsWith("/") || root.equals("/")) {
                vars.problem(DATA_ROOT + " must be an absolute directory other than /, got '" + root + "'");
            }
        });
    }
}
