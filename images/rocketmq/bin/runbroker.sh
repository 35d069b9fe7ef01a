#!/bin/sh
# Runs the broker in the foreground; `exec` makes java PID 1 so SIGTERM reaches it (stop with -t 30:
# a clean shutdown that flushes the store takes ~12 s).
# HEAP_OPTS replaces the default heap (-Xms256m -Xmx256m -XX:MaxDirectMemorySize=256m);
# JAVA_OPT_EXT is appended last and wins.
if [ $# -lt 1 ]; then
    echo "usage: runbroker.sh MAIN_CLASS [ARGS...]" >&2
    exit 1
fi
. "$(dirname "$0")/rmq-common.sh"
# The store unmaps its files through JDK internals (as Apache's own runbroker.sh does for Java 9+).
exec "$JAVA" -server ${HEAP_OPTS:--Xms256m -Xmx256m -XX:MaxDirectMemorySize=256m} \
    -XX:+UseG1GC -XX:G1ReservePercent=25 -XX:InitiatingHeapOccupancyPercent=30 -XX:SoftRefLRUPolicyMSPerMB=0 \
    --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED \
    --add-exports=java.base/jdk.internal.ref=ALL-UNNAMED \
    $(rmq_common_opts broker) ${JAVA_OPT_EXT:-} -cp "$CLASSPATH" "$@"
