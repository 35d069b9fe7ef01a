#!/usr/bin/env bash
# Stages the docker build context of rmqfleet/agent into CTX_DIR:
#   rmqfleet-agent.jar  the shaded agent jar, built from REPO_ROOT with Maven (agent module and its siblings)
#   jre/                a jlink runtime of JDK_HOME with only the modules the agent needs
#   Dockerfile
# Usage: stage.sh CTX_DIR JDK_HOME REPO_ROOT
set -euo pipefail
ctx=${1:?usage: stage.sh CTX_DIR JDK_HOME REPO_ROOT}
jdk=${2:?usage: stage.sh CTX_DIR JDK_HOME REPO_ROOT}
repo=${3:?usage: stage.sh CTX_DIR JDK_HOME REPO_ROOT}
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# Netty needs Unsafe (jdk.unsupported) and JNDI-free DNS; Vert.x logs through java.logging; https to the
# controller needs jdk.crypto.ec; java.management for the JVM's own MXBeans. Measured: the agent runs and
# reports with exactly these (jdeps also lists java.desktop/java.sql/java.compiler/jdk.jfr: optional paths of
# Jackson and Netty that the agent never takes).
modules=java.base,java.logging,java.naming,java.management,jdk.unsupported,jdk.crypto.ec

die() { echo "stage.sh: ERROR: $*" >&2; exit 1; }

rm -rf "$ctx"
mkdir -p "$ctx"

# Offline first (fast when ~/.m2 has everything), then online for a fresh machine. Only the agent and the
# modules it depends on; no tests (bin/test runs them afterwards).
mvn_package() {
    mvn -B -q -Dstyle.color=never "$@" -f "$repo/pom.xml" -pl agent -am package -DskipTests
}
echo "stage.sh: building agent/target/rmqfleet-agent.jar (mvn package)"
if ! mvn_package -o >/dev/null 2>&1; then
    echo "stage.sh: resolving the agent's dependencies from Maven Central"
    mvn_package || die "mvn could not build the agent jar (see the output above)"
fi
jar="$repo/agent/target/rmqfleet-agent.jar"
[ -s "$jar" ] || die "missing $jar after mvn package"
cp "$jar" "$ctx/rmqfleet-agent.jar"

echo "stage.sh: jlink runtime ($modules)"
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=2 \
    --generate-cds-archive --output "$ctx/jre" || die "jlink failed (is the JDK's jmods/ directory installed?)"

cp "$here/Dockerfile" "$ctx/Dockerfile"
