#!/bin/sh
# Entry point of an rmqfleet test host (run under tini). Contract relied on by the test bed:
#   RMQFLEET_AUTHORIZED_KEY  a public key line, written to /root/.ssh/authorized_keys (0600)
#   RMQFLEET_DOCKERD=0       do not start the inner dockerd (it is skipped anyway when not installed)
# Order matters: /sys and the cgroup mounts must be writable before dockerd starts, or inner containers
# fail with "read-only file system" although `docker info` looks fine.
set -eu

log() { echo "entry.sh: $*" >&2; }

mount -o remount,rw /sys || log "WARNING: cannot remount /sys read-write (missing capabilities?)"
# A plain remount,rw of a cgroup mount fails with "busy"; a bind remount works.
awk '$3 == "cgroup" || $3 == "cgroup2" { print $2 }' /proc/mounts | while read -r m; do
    mount -o remount,bind,rw "$m" || log "WARNING: cannot remount $m read-write"
done

if [ -n "${RMQFLEET_AUTHORIZED_KEY:-}" ]; then
    mkdir -p /root/.ssh
    chmod 0700 /root/.ssh
    printf '%s\n' "$RMQFLEET_AUTHORIZED_KEY" > /root/.ssh/authorized_keys
    chmod 0600 /root/.ssh/authorized_keys
else
    log "WARNING: RMQFLEET_AUTHORIZED_KEY is empty: nobody can log in"
fi
unset RMQFLEET_AUTHORIZED_KEY

# Each host gets its own host keys (none are baked into the image).
ssh-keygen -A
mkdir -p /run/sshd

if [ "${RMQFLEET_DOCKERD:-1}" != 0 ] && command -v dockerd >/dev/null 2>&1; then
    # Left over when the container restarts without a fresh /run tmpfs.
    rm -f /var/run/docker.pid /run/docker/containerd/containerd.pid
    # 10.250.0.1/24 does not clash with the test-bed networks (10.213.0.0/16).
    dockerd --bip 10.250.0.1/24 >/var/log/dockerd.log 2>&1 &
    log "dockerd started (pid $!, log /var/log/dockerd.log)"
fi

exec /usr/sbin/sshd -D -e
