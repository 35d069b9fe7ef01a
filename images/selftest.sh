#!/usr/bin/env bash
# Proves the images work on this machine's dockerd, then removes everything it created.
#
#   images/selftest.sh
#
# RocketMQ: a NameServer and a broker from rmqfleet/rocketmq:5.3.3 on a bridge network 10.213.240.0/24;
#   mqadmin clusterList shows the broker at its own IP; a message is sent and counted; HEAP_OPTS, JAVA_OPT_EXT
#   and NAMESRV_ADDR take effect; java is PID 1 and shuts down cleanly on SIGTERM.
# Test hosts: rmqfleet/testhost on an internal network 10.213.250.0/24 with the Docker-in-Docker run flags;
#   SSH by key (root) works, passwords are refused, each host has its own host key, and a container really
#   runs inside (rmqfleet-probe); rmqfleet/testhost-nodocker has no dockerd and its probe fails.
# Memory (docker stats, and RSS from /proc) is printed for docs/images.md. Everything created carries the
# label rmqfleet.selftest=images; cleanup removes only that.
set -euo pipefail

IMAGES_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
WORK=$IMAGES_DIR/.build/selftest
P=rmqfleet-images-selftest
LABEL=rmqfleet.selftest=images
RMQ_IMAGE=rmqfleet/rocketmq:5.3.3
HOST_IMAGE=rmqfleet/testhost:latest
NODOCKER_IMAGE=rmqfleet/testhost-nodocker:latest

RMQ_NET=$P RMQ_SUBNET=10.213.240.0/24 NS_IP=10.213.240.10 BROKER_IP=10.213.240.11
HOST_NET=$P-hosts HOST_SUBNET=10.213.250.0/24 HOST_IP=10.213.250.10 NODOCKER_IP=10.213.250.11
HOST_IP3=10.213.250.12
DIND_VOL=$P-dind
# The Docker-in-Docker run flags (--privileged fails on this engine: it lacks CAP_SYS_RESOURCE).
HOST_FLAGS=(--cap-add ALL --cap-drop SYS_RESOURCE --security-opt seccomp=unconfined
            --security-opt apparmor=unconfined --security-opt systempaths=unconfined --tmpfs /run)

passed=0 failed=0
ok() { echo "selftest: ok   - $*"; passed=$((passed + 1)); }
bad() { echo "selftest: FAIL - $*" >&2; failed=$((failed + 1)); }
info() { echo "selftest: $*"; }
die() { echo "selftest: ERROR: $*" >&2; exit 1; }
now_ms() { date +%s%3N; }
secs_since() { local ms=$(( $(now_ms) - $1 )); printf '%d.%d' $((ms / 1000)) $(((ms % 1000) / 100)); }

cleanup() {
    local ids
    ids=$(docker ps -aq --filter "label=$LABEL")
    [ -z "$ids" ] || docker rm -f -v $ids >/dev/null 2>&1 || true
    ids=$(docker network ls -q --filter "label=$LABEL")
    [ -z "$ids" ] || docker network rm $ids >/dev/null 2>&1 || true
    ids=$(docker volume ls -q --filter "label=$LABEL")
    [ -z "$ids" ] || docker volume rm $ids >/dev/null 2>&1 || true
}

# wait_log CONTAINER PATTERN SECONDS: polls the container's log until PATTERN (grep -E) shows up.
wait_log() {
    local deadline=$(( $(date +%s) + $3 ))
    while [ "$(date +%s)" -lt "$deadline" ]; do
        if docker logs "$1" 2>&1 | grep -Eq "$2"; then return 0; fi
        [ "$(docker inspect -f '{{.State.Running}}' "$1")" = true ] || break
        sleep 0.5
    done
    docker logs --tail 30 "$1" >&2 || true
    return 1
}

# retry SECONDS CMD...: runs CMD until it succeeds or the deadline passes; output of the last try on stdout.
retry() {
    local deadline=$(( $(date +%s) + $1 )); shift
    local out
    while :; do
        if out=$("$@" 2>&1); then printf '%s\n' "$out"; return 0; fi
        [ "$(date +%s)" -lt "$deadline" ] || { printf '%s\n' "$out"; return 1; }
        sleep 1
    done
}

mem_usage() { docker stats --no-stream --format '{{.MemUsage}}' "$1" | cut -d/ -f1 | tr -d ' '; }
pid1_rss_mib() { docker exec "$1" awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' /proc/1/status; }
all_rss_mib() { docker exec "$1" ps -eo rss= | awk '{ s += $1 } END { printf "%.0f", s / 1024 }'; }
# PSS shares pages used by several processes fairly (plain RSS counts shared libraries once per process).
all_pss_mib() {
    docker exec "$1" sh -c 'cat /proc/[0-9]*/smaps_rollup 2>/dev/null' | awk '/^Pss:/ { s += $2 } END { printf "%.0f", s / 1024 }'
}

mqadmin() { docker run --rm --network "$RMQ_NET" --label "$LABEL" "$RMQ_IMAGE" sh mqadmin "$@" -n "$NS_IP:9876"; }

SSH_OPTS=(-i "$WORK/id_ed25519" -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null
          -o LogLevel=ERROR -o ConnectTimeout=5)
host_ssh() { local ip=$1; shift; ssh "${SSH_OPTS[@]}" "root@$ip" "$@"; }
host_fingerprint() { ssh-keyscan -t ed25519 "$1" 2>/dev/null | ssh-keygen -lf - | awk '{ print $2 }'; }

# ---------------------------------------------------------------------------------------------------------
test_rocketmq() {
    info "RocketMQ on network $RMQ_NET ($RMQ_SUBNET)"
    docker network create --internal --subnet "$RMQ_SUBNET" --label "$LABEL" "$RMQ_NET" >/dev/null

    local t0=$(now_ms)
    docker run -d --name "$P-ns" --label "$LABEL" --network "$RMQ_NET" --ip "$NS_IP" --stop-timeout 30 \
        -e HEAP_OPTS="-Xms96m -Xmx96m" -e JAVA_OPT_EXT="-Drmqfleet.selftest=ns" "$RMQ_IMAGE" sh mqnamesrv >/dev/null
    if wait_log "$P-ns" "The Name Server boot success" 90; then
        ok "NameServer booted in $(secs_since "$t0")s"
    else
        bad "NameServer did not boot"; return
    fi
    local cmd
    cmd=$(docker exec "$P-ns" sh -c 'cat /proc/1/comm; tr "\0" " " < /proc/1/cmdline')
    case "$cmd" in
        java*-Xms96m\ -Xmx96m*-Drmqfleet.selftest=ns*) ok "NameServer: java is PID 1, HEAP_OPTS and JAVA_OPT_EXT applied" ;;
        *) bad "NameServer PID 1 is not java with HEAP_OPTS/JAVA_OPT_EXT: $cmd" ;;
    esac

    # No namesrvAddr in the file: the broker must find the NameServer through NAMESRV_ADDR.
    cat > "$WORK/broker.conf" <<EOF
brokerClusterName=DefaultCluster
brokerName=broker-selftest
brokerId=0
brokerRole=ASYNC_MASTER
flushDiskType=ASYNC_FLUSH
brokerIP1=$BROKER_IP
EOF
    chmod 0644 "$WORK/broker.conf"
    t0=$(now_ms)
    docker run -d --name "$P-broker" --label "$LABEL" --network "$RMQ_NET" --ip "$BROKER_IP" --stop-timeout 30 \
        -e NAMESRV_ADDR="$NS_IP:9876" -v "$WORK/broker.conf:/home/rocketmq/broker.conf:ro" \
        "$RMQ_IMAGE" sh mqbroker -c /home/rocketmq/broker.conf >/dev/null
    if wait_log "$P-broker" "The broker\[broker-selftest, $BROKER_IP:10911\] boot success" 120; then
        ok "broker booted in $(secs_since "$t0")s"
    else
        bad "broker did not boot"; return
    fi
    cmd=$(docker exec "$P-broker" sh -c 'cat /proc/1/comm; tr "\0" " " < /proc/1/cmdline')
    case "$cmd" in
        java*-Xms256m\ -Xmx256m\ -XX:MaxDirectMemorySize=256m*) ok "broker: java is PID 1 with the default heap" ;;
        *) bad "broker PID 1 is not java with the default heap: $cmd" ;;
    esac

    local out
    t0=$(now_ms)
    if out=$(retry 60 sh -c "docker run --rm --network $RMQ_NET --label $LABEL $RMQ_IMAGE \
                 sh mqadmin clusterList -n $NS_IP:9876 | grep -E 'broker-selftest +0 +$BROKER_IP:10911'"); then
        ok "mqadmin clusterList shows the broker at $BROKER_IP:10911 ($(secs_since "$t0")s): $(echo "$out" | tr -s ' ' | cut -c1-80)"
    else
        bad "mqadmin clusterList does not show broker-selftest at $BROKER_IP:10911: $out"
    fi

    if out=$(mqadmin updateTopic -c DefaultCluster -t SelfTestTopic 2>&1) && grep -q success <<<"$out"; then
        ok "mqadmin updateTopic created SelfTestTopic"
    else
        bad "mqadmin updateTopic failed: $out"
    fi
    if out=$(retry 60 sh -c "docker run --rm --network $RMQ_NET --label $LABEL $RMQ_IMAGE \
                 sh mqadmin sendMessage -n $NS_IP:9876 -t SelfTestTopic -p hello-from-selftest | grep SEND_OK"); then
        ok "mqadmin sendMessage: SEND_OK"
    else
        bad "mqadmin sendMessage did not return SEND_OK: $out"
    fi
    if out=$(mqadmin topicStatus -t SelfTestTopic 2>&1) \
        && awk '$1 == "broker-selftest" { s += $4 - $3 } END { exit !(s >= 1) }' <<<"$out"; then
        ok "mqadmin topicStatus counts the message on the broker"
    else
        bad "topicStatus shows no message: $out"
    fi

    local ns_mem broker_mem ns_rss broker_rss
    ns_mem=$(mem_usage "$P-ns"); broker_mem=$(mem_usage "$P-broker")
    ns_rss=$(pid1_rss_mib "$P-ns"); broker_rss=$(pid1_rss_mib "$P-broker")
    info "memory: NameServer (HEAP_OPTS -Xmx96m) docker stats $ns_mem, java RSS ${ns_rss} MiB"
    info "memory: broker (default heap) docker stats $broker_mem, java RSS ${broker_rss} MiB"

    t0=$(now_ms)
    docker stop -t 30 "$P-broker" >/dev/null
    local code
    code=$(docker inspect -f '{{.State.ExitCode}}' "$P-broker")
    # 143 = ended by SIGTERM (137 would be the SIGKILL after the timeout); the hook logs when it is done.
    if [ "$code" = 143 ] && docker cp "$P-broker:/home/rocketmq/logs/rocketmqlogs/broker.log" - | tar -xO \
            | grep -q "Shutdown hook over"; then
        ok "broker stopped on SIGTERM in $(secs_since "$t0")s (exit $code, shutdown hook completed)"
    else
        bad "broker did not shut down cleanly on SIGTERM (exit $code)"
    fi

    # The image's default NameServer heap, for the memory table.
    docker run -d --name "$P-ns2" --label "$LABEL" --network "$RMQ_NET" "$RMQ_IMAGE" sh mqnamesrv >/dev/null
    if wait_log "$P-ns2" "The Name Server boot success" 90; then
        info "memory: NameServer (default heap) docker stats $(mem_usage "$P-ns2"), java RSS $(pid1_rss_mib "$P-ns2") MiB"
    fi
}

# ---------------------------------------------------------------------------------------------------------
test_hosts() {
    info "test hosts on internal network $HOST_NET ($HOST_SUBNET)"
    rm -f "$WORK/id_ed25519" "$WORK/id_ed25519.pub"
    ssh-keygen -q -t ed25519 -N '' -C rmqfleet-images-selftest -f "$WORK/id_ed25519"
    local key
    key=$(cat "$WORK/id_ed25519.pub")
    docker network create --internal --subnet "$HOST_SUBNET" --label "$LABEL" "$HOST_NET" >/dev/null
    docker volume create --label "$LABEL" "$DIND_VOL" >/dev/null

    local t0=$(now_ms)
    docker run -d --name "$P-host" --label "$LABEL" --hostname selftest-host "${HOST_FLAGS[@]}" \
        -v "$DIND_VOL:/var/lib/docker" --network "$HOST_NET" --ip "$HOST_IP" \
        -e RMQFLEET_AUTHORIZED_KEY="$key" "$HOST_IMAGE" >/dev/null
    docker run -d --name "$P-nodocker" --label "$LABEL" --hostname selftest-nodocker "${HOST_FLAGS[@]}" \
        --network "$HOST_NET" --ip "$NODOCKER_IP" -e RMQFLEET_AUTHORIZED_KEY="$key" "$NODOCKER_IMAGE" >/dev/null
    docker run -d --name "$P-dockerd0" --label "$LABEL" --hostname selftest-dockerd0 "${HOST_FLAGS[@]}" \
        --network "$HOST_NET" --ip "$HOST_IP3" -e RMQFLEET_AUTHORIZED_KEY="$key" -e RMQFLEET_DOCKERD=0 \
        "$HOST_IMAGE" >/dev/null

    local c
    for c in host nodocker dockerd0; do
        wait_log "$P-$c" "Server listening on 0.0.0.0 port 22" 60 || { bad "sshd of $P-$c did not start"; return; }
    done
    local out
    if out=$(retry 60 host_ssh "$HOST_IP" 'id -un'); then
        ok "SSH as root by key to $HOST_IP ($(secs_since "$t0")s after docker run): $out"
    else
        bad "SSH by key to $HOST_IP failed: $out"; return
    fi
    if out=$(retry 90 host_ssh "$HOST_IP" rmqfleet-probe); then
        ok "rmqfleet-probe: a container ran inside the host ($(secs_since "$t0")s after docker run)"
    else
        bad "rmqfleet-probe failed inside $HOST_IP: $out"
    fi
    if out=$(host_ssh "$HOST_IP" 'rmqfleet-probe && docker images --format "{{.Repository}}:{{.Tag}}"'); then
        ok "rmqfleet-probe is idempotent (images inside: $(echo $out | sed 's/rmqfleet-probe: ok (a container ran) //'))"
    else
        bad "second rmqfleet-probe failed: $out"
    fi
    # Bridge networking inside the host needs working iptables/NAT setup of the inner dockerd.
    if out=$(host_ssh "$HOST_IP" 'docker run --rm --pull never rmqfleet/probe:1 /bin/busybox ip -4 -o addr show eth0') \
        && grep -q ' 10\.250\.0\.' <<<"$out"; then
        ok "a container on the inner bridge got an address in 10.250.0.0/24"
    else
        bad "container on the inner bridge failed: $out"
    fi
    out=$(host_ssh "$HOST_IP" 'stat -c %a /root/.ssh/authorized_keys; ip -4 -o addr show | awk "{print \$4}" | tr "\n" " "')
    case "$out" in
        600*10.250.0.1/24*) ok "authorized_keys is 0600; inner bridge 10.250.0.1/24: $(echo $out)" ;;
        *) bad "unexpected authorized_keys mode or inner bridge: $out" ;;
    esac
    out=$(docker exec "$P-host" /usr/sbin/sshd -T)
    local setting missing=""
    # sshd -T prints prohibit-password under its old name.
    for setting in "permitrootlogin without-password" "passwordauthentication no" "maxstartups 100:30:200" \
                   "maxsessions 100"; do
        grep -qx "$setting" <<<"$out" || missing="$missing [$setting]"
    done
    if [ -z "$missing" ]; then ok "sshd: root by key only, MaxStartups 100:30:200, MaxSessions 100"; else bad "sshd lacks$missing"; fi
    if ssh -o BatchMode=yes -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o LogLevel=ERROR \
           -o PubkeyAuthentication=no -o ConnectTimeout=5 "root@$HOST_IP" true 2>/dev/null; then
        bad "login without the key succeeded"
    else
        ok "login without the key is refused"
    fi
    local fp1 fp2
    fp1=$(host_fingerprint "$HOST_IP"); fp2=$(host_fingerprint "$NODOCKER_IP")
    if [ -n "$fp1" ] && [ -n "$fp2" ] && [ "$fp1" != "$fp2" ] \
        && [ "$fp1" = "$(docker exec "$P-host" ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub | awk '{ print $2 }')" ]; then
        ok "each host has its own host key ($fp1 vs $fp2)"
    else
        bad "host keys are not per host: '$fp1' '$fp2'"
    fi

    if out=$(host_ssh "$NODOCKER_IP" 'command -v dockerd docker; pgrep -x dockerd; rmqfleet-probe' 2>&1); then
        bad "testhost-nodocker: probe succeeded without docker: $out"
    elif grep -q "docker CLI is not installed" <<<"$out"; then
        ok "testhost-nodocker: no docker, no dockerd, rmqfleet-probe fails as it should"
    else
        bad "testhost-nodocker: unexpected: $out"
    fi
    # Expected: pgrep finds nothing, and dockerd is installed.
    out=$(host_ssh "$HOST_IP3" 'pgrep -x dockerd; command -v dockerd' 2>&1) || true
    if [ "$out" = /usr/sbin/dockerd ]; then
        ok "RMQFLEET_DOCKERD=0: dockerd installed but not started"
    else
        bad "RMQFLEET_DOCKERD=0: dockerd runs anyway or is missing: $out"
    fi

    for c in host dockerd0 nodocker; do
        info "memory: idle $P-$c: docker stats $(mem_usage "$P-$c"), all processes: RSS $(all_rss_mib "$P-$c") MiB, PSS $(all_pss_mib "$P-$c") MiB"
    done
}

# ---------------------------------------------------------------------------------------------------------
command -v docker >/dev/null || die "docker CLI not found"
for tool in ssh ssh-keygen ssh-keyscan; do command -v "$tool" >/dev/null || die "$tool not found (apt-get install -y openssh-client)"; done
"$IMAGES_DIR/build.sh" rocketmq testhost testhost-nodocker
mkdir -p "$WORK"
cleanup   # leftovers of an interrupted run
trap cleanup EXIT
start=$(now_ms)
test_rocketmq
test_hosts
cleanup
left=$(docker ps -aq --filter "label=$LABEL"; docker network ls -q --filter "label=$LABEL"; docker volume ls -q --filter "label=$LABEL")
if [ -z "$left" ]; then ok "cleanup: no container, network or volume left"; else bad "cleanup left: $left"; fi
info "took $(secs_since "$start")s"
echo "selftest: $passed passed, $failed failed"
[ "$failed" = 0 ]
