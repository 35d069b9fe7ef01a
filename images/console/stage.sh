#!/usr/bin/env bash
# Stages the docker build context of rmqfleet/console into CTX_DIR:
#   rmqfleet.jar  the controller's shaded jar (the `console` sub-command), built from REPO_ROOT with Maven
#   jre/          a jlink runtime of JDK_HOME with only the modules the console needs
#   Dockerfile
# Usage: stage.sh CTX_DIR JDK_HOME REPO_ROOT
set -euo pipefail
ctx=${1:?usage: stage.sh CTX_DIR JDK_HOME REPO_ROOT}
jdk=${2:?usage: stage.sh CTX_DIR JDK_HOME REPO_ROOT}
repo=${3:?usage: stage.sh CTX_DIR JDK_HOME REPO_ROOT}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# Netty needs Unsafe (jdk.unsupported); Vert.x and slf4j log through java.logging; RocketMQ's shaded logback reads
# its XML configuration (java.xml) and the client asks the JVM for its pid and memory (java.management);
# java.naming for Netty's DNS resolver; java.sql because Jackson and fastjson link java.sql.Date/Timestamp.
modules=java.base,java.logging,java.naming,java.management,java.xml,java.sql,jdk.unsupported,jdk.crypto.ec

die() { echo "stage.sh: ERROR: $*" >&2; exit 1; }

rm -rf "$ctx"
mkdir -p "$ctx"

# Offline first (fast when ~/.m2 has everything), then online for a fresh machine. Only the controller and the
# modules it depends on; no tests (bin/test runs them afterwards). Never `install`.
mvn_package() {
    mvn -B -q -Dstyle.color=never "$@" -f "$repo/pom.xml" -pl controller -am package -DskipTests
}
echo "stage.sh: building controller/target/rmqfleet.jar (mvn package)"
if ! mvn_package -o >/dev/null 2>&1; then
    echo "stage.sh: resolving the controller's dependencies from Maven Central"
    mvn_package || die "mvn could not build the controller jar (see the output above)"
fi
jar="$repo/controller/target/rmqfleet.jar"
[ -s "$jar" ] || die "missing $jar after mvn package"
cp "$jar" "$ctx/rmqfleet.jar"

echo "stage.sh: jlink runtime ($modules)"
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 \
    --generate-cds-archive --output "$ctx/jre" || die "jlink failed (is the JDK's jmods/ directory installed?)"

cp "$here/Dockerfile" "$ctx/Dockerfile"
