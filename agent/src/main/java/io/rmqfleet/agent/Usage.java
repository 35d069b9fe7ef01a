package io.rmqfleet.agent;

/** The --help text; docs/agent.md says the same at more length. */
final class Usage {
    private Usage() {
    }

    static String text() {
        return """
            Usage: rmqfleet-agent --controller URL [options]
            Reports this host's rmqfleet containers, load, memory, disk and RocketMQ ports to the controller
            every interval (POST {controller}/api/v1/agents/{host}/reports).

            Every option can also be set by its environment variable; the flag wins.
              --controller URL         RMQFLEET_CONTROLLER        controller base URL (required)
              --host NAME              RMQFLEET_HOST              inventory host name (default: kernel hostname)
              --token-file PATH        RMQFLEET_TOKEN_FILE        file holding this host's agent token
                                                                  (default: /run/secrets/agent.token)
                                       RMQFLEET_TOKEN             ... or the token itself (no flag: flags show in ps)
              --interval D             RMQFLEET_INTERVAL          report interval (default 5s)
              --docker-socket PATH     RMQFLEET_DOCKER_SOCKET     Docker Engine API socket (default /var/run/docker.sock)
              --data-root PATH         RMQFLEET_DATA_ROOT         RocketMQ data root to measure (default /data/rocketmq)
              --proc PATH              RMQFLEET_PROC              proc file system (default /proc)
              --ports P,P              RMQFLEET_PORTS             extra ports to probe besides 9876,10911,10909,10912
              --probe-timeout D        RMQFLEET_PROBE_TIMEOUT     TCP connect timeout of a port probe (default 500ms)
              --connect-timeout D      RMQFLEET_CONNECT_TIMEOUT   connect timeout to the controller (default 3s)
              --request-timeout D      RMQFLEET_REQUEST_TIMEOUT   whole-answer timeout, controller and dockerd (default 10s)
              --buffer N               RMQFLEET_BUFFER            reports kept while the controller is away (default 720)
              --backoff-initial D      RMQFLEET_BACKOFF_INITIAL   first retry delay (default 1s)
              --backoff-max D          RMQFLEET_BACKOFF_MAX       retry delay cap (default 30s)
                                       RMQFLEET_LOG_LEVEL         error, warn, info (default), debug
              --version, --help
            Durations: 500ms, 5s, 2m, or a number of seconds.
            """;
    }
}
