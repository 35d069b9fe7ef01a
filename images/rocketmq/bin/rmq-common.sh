# Sourced by runserver.sh, runbroker.sh and tools.sh (POSIX sh): finds ROCKETMQ_HOME and java and
# defines the options every RocketMQ JVM in this image gets.
if [ -z "${ROCKETMQ_HOME:-}" ]; then
    ROCKETMQ_HOME=$(cd "$(dirname "$0")/.." && pwd)
    export ROCKETMQ_HOME
fi
if [ ! -d "$ROCKETMQ_HOME/conf" ]; then
    echo "ERROR: ROCKETMQ_HOME=$ROCKETMQ_HOME has no conf/ directory" >&2
    exit 1
fi
if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    JAVA=$JAVA_HOME/bin/java
else
    JAVA=java
fi
CLASSPATH="$ROCKETMQ_HOME/conf:$ROCKETMQ_HOME/lib/*"
# Option strings below are split on spaces on purpose; never glob them.
set -f

# Options shared by all processes. $1 picks conf/rmq.$1.logback.xml: on one classpath the shaded logback
# would otherwise use the broker's configuration for every process. Logs go to /home/rocketmq/logs/rocketmqlogs.
rmq_common_opts() {
    echo "-Duser.home=/home/rocketmq -Drmq.logback.configurationFile=$ROCKETMQ_HOME/conf/rmq.$1.logback.xml" \
         "-XX:-OmitStackTraceInFastThrow -Dfile.encoding=UTF-8"
}
