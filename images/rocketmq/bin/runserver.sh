#!/bin/sh
# Runs a RocketMQ server class (NameServer, controller) in the foreground; `exec` makes java PID 1.
# HEAP_OPTS replaces the default heap (-Xms128m -Xmx128m); JAVA_OPT_EXT is appended last and wins.
if [ $# -lt 1 ]; then
    echo "usage: runserver.sh MAIN_CLASS [ARGS...]" >&2
    exit 1
fi
. "$(dirname "$0")/rmq-common.sh"
case "$1" in
    *.controller.*) logback=controller ;;
    *) logback=namesrv ;;
esac
exec "$JAVA" -server ${HEAP_OPTS:--Xms128m -Xmx128m} -XX:+UseG1GC -XX:SoftRefLRUPolicyMSPerMB=0 \
    $(rmq_common_opts "$logback") ${JAVA_OPT_EXT:-} -cp "$CLASSPATH" "$@"
