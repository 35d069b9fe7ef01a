#!/usr/bin/env bash
# Builds rmqfleet's Docker images offline (no registry), skipping every image whose inputs did not change.
#
#   images/build.sh [--force] [--check] [NAME...]     NAME: base testhost testhost-nodocker rocketmq agent console
#                                                     (default: all)
#
#   --force   rebuild the named images even when up to date (their parents only if needed)
#   --check   build nothing; exit 0 if the named images are up to date, 3 if not
#
# Each image carries the label rmqfleet.content-hash = sha256 over all its inputs (files, build arguments,
# the parent's content hash). An image whose label matches is not rebuilt. Scratch goes to images/.build/.
# Set RMQFLEET_IMAGES_VERBOSE=1 to see the full docker build output (otherwise only in .build/logs/).
set -euo pipefail

IMAGES_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$IMAGES_DIR")
BUILD_DIR=$IMAGES_DIR/.build
LOG_DIR=$BUILD_DIR/logs
HASH_LABEL=rmqfleet.content-hash
NAME_LABEL=rmqfleet.image
# The classic builder never pulls a FROM image that exists locally (20.10's daemon, no buildx here).
export DOCKER_BUILDKIT=0

ALL=(base testhost testhost-nodocker rocketmq agent console)   # parents before children
# The agent and console images are tagged with the project version (the root pom's own <version>).
AGENT_VERSION=$(sed -n 's:^  <version>\(.*\)</version>.*:\1:p' "$REPO_DIR/pom.xml" | head -n 1)
declare -A REF=(
    [base]=rmqfleet/base:bookworm
    [testhost]=rmqfleet/testhost:latest
    [testhost-nodocker]=rmqfleet/testhost-nodocker:latest
    [rocketmq]=rmqfleet/rocketmq:5.3.3
    [agent]=rmqfleet/agent:${AGENT_VERSION:-unknown}
    [console]=rmqfleet/console:${AGENT_VERSION:-unknown}
)
declare -A PARENT=([base]="" [testhost]=base [testhost-nodocker]=base [rocketmq]=base [agent]=base [console]=base)

log() { echo "images: $*"; }
die() { echo "images: ERROR: $*" >&2; exit 1; }
now_ms() { date +%s%3N; }
secs_since() { local ms=$(( $(now_ms) - $1 )); printf '%d.%d' $((ms / 1000)) $(((ms % 1000) / 100)); }

usage() { awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}"; }

# ---- inputs and content hashes -------------------------------------------------------------------------

# "file PATH MODE SHA256" for each file, paths relative to images/ so every checkout hashes alike.
file_lines() {
    local f sum path mode
    for f in "$@"; do [ -f "$f" ] || die "input file missing: $f"; done
    while read -r sum path; do
        if [ -x "$path" ]; then mode=x; else mode=-; fi
        printf 'file %s %s %s\n' "${path#"$IMAGES_DIR"/}" "$mode" "$sum"
    done < <(sha256sum -- "$@")
}

# "repo PATH MODE SHA256" for sources outside images/ (the agent's Maven modules), relative to the repository.
repo_file_lines() {
    local sum path mode
    while read -r sum path; do
        if [ -x "$REPO_DIR/$path" ]; then mode=x; else mode=-; fi
        printf 'repo %s %s %s\n' "$path" "$mode" "$sum"
    done < <(cd "$REPO_DIR" && sha256sum -- "$@")
}

debian_sources() {
    local out
    out=$(sh "$IMAGES_DIR/base/debian-mirrors.sh") || die "cannot read this machine's apt sources"
    [ -n "$out" ] || die "no Debian bookworm entry in /etc/apt/sources.list*; debootstrap needs a mirror"
    printf '%s\n' "$out"
}

JDK_HOME=""
find_jdk17() {
    [ -n "$JDK_HOME" ] && return 0
    local c
    for c in "${RMQFLEET_JDK17:-}" "${JAVA_HOME:-}" "$(dirname "$(dirname "$(readlink -f "$(command -v jlink || echo /nonexistent)")")")" \
             /usr/lib/jvm/java-17-openjdk-amd64 /usr/lib/jvm/java-17-openjdk-arm64; do
        [ -n "$c" ] && [ -x "$c/bin/jlink" ] && [ -d "$c/jmods" ] || continue
        if grep -q '^JAVA_VERSION="17\.' "$c/release" 2>/dev/null; then JDK_HOME=$c; return 0; fi
    done
    die "no JDK 17 with jlink and jmods found (install openjdk-17-jdk-headless, or set RMQFLEET_JDK17)"
}

# Prints the input manifest of image $1; its sha256 is the content hash.
inputs() {
    case "$1" in
        base)
            file_lines "$IMAGES_DIR/base/mkrootfs.sh" "$IMAGES_DIR/base/debian-mirrors.sh"
            echo "arg suite=bookworm variant=minbase"
            debian_sources | sed 's/^/source /'
            ;;
        testhost|testhost-nodocker)
            file_lines "$IMAGES_DIR"/testhost/{Dockerfile,entry.sh,rmqfleet-probe,sshd_config}
            if [ "$1" = testhost ]; then echo "arg WITH_DOCKER=1"; else echo "arg WITH_DOCKER=0"; fi
            ;;
        rocketmq)
            find_jdk17
            file_lines "$IMAGES_DIR"/rocketmq/{Dockerfile,pom.xml,stage.sh} \
                $(find "$IMAGES_DIR/rocketmq/bin" "$IMAGES_DIR/rocketmq/conf" -type f | LC_ALL=C sort)
            echo "arg ROCKETMQ_VERSION=5.3.3"
            echo "jdk $(tr '\n' ' ' < "$JDK_HOME/release")"
            ;;
        agent)
            find_jdk17
            file_lines "$IMAGES_DIR"/agent/{Dockerfile,stage.sh}
            repo_file_lines pom.xml common/pom.xml agent/pom.xml \
                $(cd "$REPO_DIR" && find common/src/main agent/src/main -type f | LC_ALL=C sort)
            echo "arg AGENT_VERSION=$AGENT_VERSION"
            echo "jdk $(tr '\n' ' ' < "$JDK_HOME/release")"
            ;;
        console)
            # The controller's shaded jar: every main source of the modules it is built from.
            find_jdk17
            file_lines "$IMAGES_DIR"/console/{Dockerfile,stage.sh}
            repo_file_lines pom.xml common/pom.xml testbed/pom.xml controller/pom.xml \
                $(cd "$REPO_DIR" && find common/src/main testbed/src/main controller/src/main -type f | LC_ALL=C sort)
            echo "arg VERSION=$AGENT_VERSION"
            echo "jdk $(tr '\n' ' ' < "$JDK_HOME/release")"
            ;;
        *) die "unknown image '$1'" ;;
    esac
    if [ -n "${PARENT[$1]}" ]; then echo "parent ${HASH[${PARENT[$1]}]}"; fi
}

# Sets HASH[$1] (parents first). Runs in this shell, so each hash is computed once.
declare -A HASH=()
compute_hash() {
    local manifest
    [ -z "${HASH[$1]:-}" ] || return 0
    [ -z "${PARENT[$1]}" ] || compute_hash "${PARENT[$1]}"
    [ "$1" != rocketmq ] && [ "$1" != agent ] && [ "$1" != console ] || find_jdk17
    manifest=$(inputs "$1") || exit 1
    HASH[$1]=$(printf '%s\n' "$manifest" | sha256sum | cut -c1-64)
}

label_of() {
    docker image inspect --format "{{ index .Config.Labels \"$HASH_LABEL\" }}" "$1" 2>/dev/null || true
}

# ---- builders ------------------------------------------------------------------------------------------

# Runs "$@" with output to $LOG_DIR/$name.log; shows only progress lines unless verbose; on failure shows
# the log's tail and dies.
run_logged() {
    local name=$1 what=$2; shift 2
    local logf=$LOG_DIR/$name.log
    local rc=0
    if [ "${RMQFLEET_IMAGES_VERBOSE:-0}" = 1 ]; then
        "$@" 2>&1 | tee -a "$logf" || rc=$?
    else
        "$@" 2>&1 | tee -a "$logf" | awk '/^Step [0-9]+\/[0-9]+ :|^I: (Retrieving Release |Checking component|Installing core|Unpacking the base|Configuring the base|Base system)|^stage\.sh:/ {
            print "images:   " substr($0, 1, 150); fflush() }' || rc=$?
    fi
    if [ "$rc" -ne 0 ]; then
        echo "images: ---- last lines of $logf ----" >&2
        tail -n 40 "$logf" >&2
        die "$what failed for ${REF[$name]} (exit $rc; full log: $logf)"
    fi
}

build_base() {
    local hash=$1 rootfs=$BUILD_DIR/base/rootfs sources=$BUILD_DIR/base/sources
    command -v debootstrap >/dev/null || die "debootstrap is not installed (apt-get install -y debootstrap)"
    [ "$(id -u)" = 0 ] || die "debootstrap needs root"
    mkdir -p "$BUILD_DIR/base"
    debian_sources > "$sources"
    run_logged base debootstrap sh "$IMAGES_DIR/base/mkrootfs.sh" "$rootfs" "$sources"
    log "  importing root filesystem"
    run_logged base "docker import" bash -c 'set -o pipefail; tar --numeric-owner -C "$1" -c . | docker import \
        --change "LABEL $2=$3" --change "LABEL $4=base" \
        --change "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
        --change "ENV LANG=C.UTF-8" --change "CMD [\"/bin/bash\"]" - "$5"' \
        _ "$rootfs" "$HASH_LABEL" "$hash" "$NAME_LABEL" "${REF[base]}"
    rm -rf "$rootfs"
}

docker_build() { # NAME HASH CONTEXT [BUILD-ARG...]
    local name=$1 hash=$2 context=$3; shift 3
    local args=() a
    for a in "$@"; do args+=(--build-arg "$a"); done
    run_logged "$name" "docker build" docker build --rm --force-rm \
        --label "$HASH_LABEL=$hash" --label "$NAME_LABEL=$name" \
        "${args[@]}" -t "${REF[$name]}" "$context"
}

build_testhost() { docker_build testhost "$1" "$IMAGES_DIR/testhost" WITH_DOCKER=1; }
build_testhost-nodocker() { docker_build testhost-nodocker "$1" "$IMAGES_DIR/testhost" WITH_DOCKER=0; }

build_rocketmq() {
    local ctx=$BUILD_DIR/rocketmq/context
    find_jdk17
    command -v mvn >/dev/null || die "mvn is not installed"
    log "  staging: RocketMQ jars (mvn), jlink JRE of $JDK_HOME"
    run_logged rocketmq "staging (mvn, jlink)" bash "$IMAGES_DIR/rocketmq/stage.sh" "$ctx" "$JDK_HOME"
    docker_build rocketmq "$1" "$ctx"
    rm -rf "$ctx"
}

build_agent() {
    local ctx=$BUILD_DIR/agent/context
    find_jdk17
    command -v mvn >/dev/null || die "mvn is not installed"
    [ -n "$AGENT_VERSION" ] || die "cannot read the project version from $REPO_DIR/pom.xml"
    log "  staging: agent jar (mvn package), jlink JRE of $JDK_HOME"
    run_logged agent "staging (mvn, jlink)" bash "$IMAGES_DIR/agent/stage.sh" "$ctx" "$JDK_HOME" "$REPO_DIR"
    docker_build agent "$1" "$ctx"
    # A stable name for the playbook's agent role and the tests, next to the versioned one.
    docker tag "${REF[agent]}" rmqfleet/agent:latest
    rm -rf "$ctx"
}

build_console() {
    local ctx=$BUILD_DIR/console/context
    find_jdk17
    command -v mvn >/dev/null || die "mvn is not installed"
    [ -n "$AGENT_VERSION" ] || die "cannot read the project version from $REPO_DIR/pom.xml"
    log "  staging: controller jar (mvn package), jlink JRE of $JDK_HOME"
    run_logged console "staging (mvn, jlink)" bash "$IMAGES_DIR/console/stage.sh" "$ctx" "$JDK_HOME" "$REPO_DIR"
    docker_build console "$1" "$ctx"
    # A stable name for the playbook's dashboard role and the tests, next to the versioned one.
    docker tag "${REF[console]}" rmqfleet/console:latest
    rm -rf "$ctx"
}

# ---- main ----------------------------------------------------------------------------------------------

force=0 check=0 names=()
for arg in "$@"; do
    case "$arg" in
        --force) force=1 ;;
        --check) check=1 ;;
        -h|--help) usage; exit 0 ;;
        -*) usage >&2; die "unknown option $arg" ;;
        *)
            found=""
            for n in "${ALL[@]}"; do
                if [ "$arg" = "$n" ] || [ "$arg" = "${REF[$n]}" ]; then found=$n; fi
            done
            [ -n "$found" ] || die "unknown image '$arg' (known: ${ALL[*]})"
            names+=("$found") ;;
    esac
done
[ ${#names[@]} -gt 0 ] || names=("${ALL[@]}")

command -v docker >/dev/null || die "docker CLI not found"
docker version --format '{{.Server.Version}}' >/dev/null 2>&1 || die "dockerd does not answer (start it: setsid dockerd >/var/log/dockerd.log 2>&1 &)"

# Wanted = the named images plus their parents, in build order.
declare -A wanted=() forced=()
for n in "${names[@]}"; do
    forced[$n]=$force
    while [ -n "$n" ]; do wanted[$n]=1; n=${PARENT[$n]}; done
done

mkdir -p "$LOG_DIR"
# One build at a time per dockerd: other worktrees on this machine share it.
exec 9>/tmp/rmqfleet-images-build.lock
if ! flock -n 9; then
    log "waiting for another images/build.sh to finish"
    flock 9
fi

total_start=$(now_ms)
built=0 stale=0
for n in "${ALL[@]}"; do
    [ -n "${wanted[$n]:-}" ] || continue
    compute_hash "$n"
    hash=${HASH[$n]}
    short=${hash:0:12}
    if [ "$(label_of "${REF[$n]}")" = "$hash" ] && [ "${forced[$n]:-0}" = 0 ]; then
        log "${REF[$n]} up to date (hash $short)"
        continue
    fi
    if [ "$check" = 1 ]; then
        log "${REF[$n]} needs a build (hash $short)"
        stale=$((stale + 1))
        continue
    fi
    log "building ${REF[$n]} (hash $short)"
    : > "$LOG_DIR/$n.log"
    start=$(now_ms)
    "build_$n" "$hash"
    [ "$(label_of "${REF[$n]}")" = "$hash" ] || die "${REF[$n]} was built but does not carry $HASH_LABEL=$hash"
    # The previous build of this image is now untagged: remove it (only our label, only dangling).
    docker image prune -f --filter "label=$NAME_LABEL=$n" >/dev/null || true
    size=$(docker image inspect --format '{{.Size}}' "${REF[$n]}")
    log "built ${REF[$n]} in $(secs_since "$start")s ($((size / 1000000)) MB, hash $short)"
    built=$((built + 1))
done

if [ "$check" = 1 ]; then
    [ "$stale" = 0 ] || { log "$stale image(s) out of date"; exit 3; }
    log "all up to date"
    exit 0
fi
log "done: $built built, total $(secs_since "$total_start")s"
