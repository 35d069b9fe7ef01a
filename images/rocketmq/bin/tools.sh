#!/bin/sh
# Runs a RocketMQ command-line class (mqadmin, or any class on lib/) in the foreground.
# Short-lived: small heap, serial GC and the C1 compiler only, which start faster.
# HEAP_OPTS replaces the default heap (-Xmx128m); JAVA_OPT_EXT is appended last and wins.
if [ $# -lt 1 ]; then
    echo "usage: tools.sh MAIN_CLASS [ARGS...]" >&2
    exit 1
fi
. "$(dirname "$0")/rmq-common.sh"
exec "$JAVA" ${HEAP_OPTS:--Xmx128m} -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
    $(rmq_common_opts tools) ${JAVA_OPT_EXT:-} -cp "$CLASSPATH" "$@"
