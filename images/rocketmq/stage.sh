#!/usr/bin/env bash
# Stages the docker build context of rmqfleet/rocketmq into CTX_DIR:
#   lib/  RocketMQ runtime jars from Maven Central (pom.xml beside this script)
#   jre/  a jlink runtime of this machine's JDK 17 (JDK_HOME)
#   conf/ the logback configurations shipped inside the jars + our default broker.conf
#   bin/  our start scripts, and the Dockerfile
# Usage: stage.sh CTX_DIR JDK_HOME
set -euo pipefail
ctx=${1:?usage: stage.sh CTX_DIR JDK_HOME}
jdk=${2:?usage: stage.sh CTX_DIR JDK_HOME}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
version=5.3.3
# Modules RocketMQ needs (measured, see FACTS.md): java.se plus Unsafe, EC crypto (TLS), JMX, zipfs, DNS, jcmd.
modules=java.se,jdk.unsupported,jdk.crypto.ec,jdk.management,jdk.zipfs,jdk.naming.dns,jdk.jcmd

die() { echo "stage.sh: ERROR: $*" >&2; exit 1; }

rm -rf "$ctx"
mkdir -p "$ctx/lib" "$ctx/conf"

# Offline first (fast when ~/.m2 has everything), then online for a fresh machine.
mvn_copy() {
    mvn -B -q -Dstyle.color=never "$@" -f "$here/pom.xml" dependency:copy-dependencies \
        -DincludeScope=runtime -DoutputDirectory="$ctx/lib"
}
if ! mvn_copy -o >/dev/null 2>&1; then
    echo "stage.sh: resolving RocketMQ $version jars from Maven Central"
    mvn_copy || die "mvn could not resolve the RocketMQ $version jars (images/rocketmq/pom.xml)"
fi
count=$(find "$ctx/lib" -name '*.jar' | wc -l)
[ "$count" -gt 100 ] || die "expected >100 runtime jars in lib/, got $count"

# Each process gets its own logback file: on a combined classpath the shaded logback would otherwise
# pick the broker's configuration for every process.
extract() { # JAR-ARTIFACT XML
    local jar="$ctx/lib/$1-$version.jar"
    [ -f "$jar" ] || die "missing $jar"
    (cd "$ctx/conf" && "$jdk/bin/jar" xf "$jar" "$2")
    [ -s "$ctx/conf/$2" ] || die "$2 not found in $(basename "$jar")"
    # The broker's file has one deprecated <level> element; logback then dumps ~200 status lines onto
    # stdout at every start. Fold it into the logger's level attribute (same meaning).
    sed -i -e '/<logger [^>]*[^/]>$/{N;s|>\n *<level value="\([A-Za-z]*\)"/>| level="\1">|}' "$ctx/conf/$2"
    ! grep -q '<level ' "$ctx/conf/$2" || echo "stage.sh: WARNING: $2 still has a deprecated <level> element"
}
extract rocketmq-namesrv rmq.namesrv.logback.xml
extract rocketmq-broker rmq.broker.logback.xml
extract rocketmq-tools rmq.tools.logback.xml
extract rocketmq-client rmq.client.logback.xml
extract rocketmq-controller rmq.controller.logback.xml

"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 \
    --generate-cds-archive --output "$ctx/jre" || die "jlink failed (is the JDK's jmods/ directory installed?)"

cp -R "$here/bin" "$ctx/bin"
cp "$here/conf/"* "$ctx/conf/"
cp "$here/Dockerfile" "$ctx/Dockerfile"
chmod 0755 "$ctx/bin/"*
