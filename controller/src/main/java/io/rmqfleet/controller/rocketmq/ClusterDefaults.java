package io.rmqfleet.controller.rocketmq;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one place that names the inventory groups and variables of a RocketMQ cluster and their defaults. The
 * playbook roles use the same names (docs/cluster-inventory.md lists them; a test keeps that table in sync).
 */
public final class ClusterDefaults {
    // ------------------------------------------------------------------------------------------------ groups
    public static final String NAMESRV_GROUP = "namesrv";
    public static final String BROKER_GROUP = "broker";
    public static final String DASHBOARD_GROUP = "dashboard";
    public static final String AGENT_GROUP = "agent";

    // ------------------------------------------------------------------------------------ per broker host
    public static final String BROKER_NAME = "broker_name";
    public static final String BROKER_ID = "broker_id";
    public static final String BROKER_ROLE = "broker_role";
    public static final String FLUSH_DISK_TYPE = "flush_disk_type";
    public static final String LISTEN_PORT = "listen_port";
    public static final String BROKER_IP1 = "broker_ip1";
    public static final String BROKER_IP2 = "broker_ip2";
    /** Extra addresses of the machine (besides ansible_host) that brokerIP1/brokerIP2 may name. */
    public static final String HOST_ADDRESSES = "rocketmq_host_addresses";

    public static final int DEFAULT_LISTEN_PORT = 10911;
    public static final FlushDiskType DEFAULT_FLUSH_DISK_TYPE = FlushDiskType.ASYNC_FLUSH;
    /** The broker's fast ("VIP") channel listens on listenPort - 2 (10909). */
    public static final int FAST_PORT_OFFSET = -2;
    /** The master's HA port, where slaves connect, is listenPort + 1 (10912). */
    public static final int HA_PORT_OFFSET = 1;

    // ---------------------------------------------------------------------------------------- cluster vars
    public static final String CLUSTER_NAME = "rocketmq_cluster_name";
    public static final String DELETE_WHEN = "rocketmq_delete_when";
    public static final String FILE_RESERVED_TIME = "rocketmq_file_reserved_time";
    public static final String NAMESRV_HEAP = "rocketmq_namesrv_heap";
    public static final String BROKER_HEAP = "rocketmq_broker_heap";
    public static final String BROKER_DIRECT_MEMORY = "rocketmq_broker_direct_memory";
    public static final String IMAGE = "rocketmq_image";
    public static final String IMAGE_SOURCE = "rocketmq_image_source";
    public static final String DATA_ROOT = "rocketmq_data_root";
    public static final String NAMESRV_PORT = "namesrv_port";
    public static final String DASHBOARD_PORT = "dashboard_port";
    public static final String DASHBOARD_USERNAME = "dashboard_username";
    public static final String DASHBOARD_PASSWORD = "dashboard_password";

    public static final String DEFAULT_CLUSTER_NAME = "DefaultCluster";
    public static final String DEFAULT_DELETE_WHEN = "04";
    public static final int DEFAULT_FILE_RESERVED_TIME = 48;
    public static final String DEFAULT_NAMESRV_HEAP = "128m";
    public static final String DEFAULT_BROKER_HEAP = "256m";
    public static final String DEFAULT_BROKER_DIRECT_MEMORY = "256m";
    public static final String DEFAULT_IMAGE = "rmqfleet/rocketmq:5.3.3";
    public static final String DEFAULT_IMAGE_SOURCE = "ship";
    public static final String DEFAULT_DATA_ROOT = "/var/lib/rmqfleet";
    public static final int DEFAULT_NAMESRV_PORT = 9876;
    public static final int DEFAULT_DASHBOARD_PORT = 8080;

    private ClusterDefaults() {
    }

    /**
     * Every variable that has a default, with that default, in documentation order. The playbook can inject
     * this map as the lowest-precedence variables so that roles and verify agree.
     */
    public static Map<String, Object> defaults() {
        Map<String, Object> vars = new LinkedHashMap<>();
        vars.put(CLUSTER_NAME, DEFAULT_CLUSTER_NAME);
        vars.put(DELETE_WHEN, DEFAULT_DELETE_WHEN);
        vars.put(FILE_RESERVED_TIME, DEFAULT_FILE_RESERVED_TIME);
        vars.put(NAMESRV_HEAP, DEFAULT_NAMESRV_HEAP);
        vars.put(BROKER_HEAP, DEFAULT_BROKER_HEAP);
        vars.put(BROKER_DIRECT_MEMORY, DEFAULT_BROKER_DIRECT_MEMORY);
        vars.put(IMAGE, DEFAULT_IMAGE);
        vars.put(IMAGE_SOURCE, DEFAULT_IMAGE_SOURCE);
        vars.put(DATA_ROOT, DEFAULT_DATA_ROOT);
        vars.put(NAMESRV_PORT, DEFAULT_NAMESRV_PORT);
        vars.put(DASHBOARD_PORT, DEFAULT_DASHBOARD_PORT);
        vars.put(LISTEN_PORT, DEFAULT_LISTEN_PORT);
        vars.put(FLUSH_DISK_TYPE, DEFAULT_FLUSH_DISK_TYPE.name());
        return Collections.unmodifiableMap(vars);
    }
}
