#!/bin/sh
# Makes the root filesystem of rmqfleet/base:bookworm with debootstrap (no registry involved).
# Usage: mkrootfs.sh ROOTFS SOURCES
#   SOURCES: lines "URI SUITE COMPONENTS..." (from debian-mirrors.sh); the "bookworm" line is the mirror
#   debootstrap uses, and all lines become the image's /etc/apt/sources.list.
set -eu
rootfs=${1:?usage: mkrootfs.sh ROOTFS SOURCES}
sources=${2:?usage: mkrootfs.sh ROOTFS SOURCES}

die() { echo "mkrootfs.sh: ERROR: $*" >&2; exit 1; }

mirror=$(awk '$2 == "bookworm" { print $1; exit }' "$sources")
[ -n "$mirror" ] || die "no Debian bookworm mirror in $sources (looked in /etc/apt/sources.list*)"

rm -rf "$rootfs"
mkdir -p "$rootfs"
debootstrap --variant=minbase bookworm "$rootfs" "$mirror" || {
    tail -n 30 "$rootfs/debootstrap/debootstrap.log" >&2 2>/dev/null || true
    die "debootstrap failed"
}

awk '{ print "deb", $0 }' "$sources" > "$rootfs/etc/apt/sources.list"

# The mirror may serve a snapshot whose Release files are past Valid-Until.
cat > "$rootfs/etc/apt/apt.conf.d/99rmqfleet" <<'CONF'
Acquire::Check-Valid-Until "false";
Acquire::Languages "none";
CONF
# Slim like Debian's official images: no man pages, docs or translations in later installs.
mkdir -p "$rootfs/etc/dpkg/dpkg.cfg.d"
cat > "$rootfs/etc/dpkg/dpkg.cfg.d/01rmqfleet-slim" <<'CONF'
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/locale/*
CONF
# Package installs during `docker build` must not try to start services.
cat > "$rootfs/usr/sbin/policy-rc.d" <<'CONF'
#!/bin/sh
exit 101
CONF
chmod 0755 "$rootfs/usr/sbin/policy-rc.d"

# Docker provides these per container; drop what debootstrap copied from this machine.
chroot "$rootfs" apt-get clean
rm -rf "$rootfs"/var/lib/apt/lists/* "$rootfs"/var/cache/apt/*.bin "$rootfs"/var/log/*.log \
       "$rootfs"/usr/share/man/* "$rootfs"/usr/share/info/* "$rootfs"/usr/share/locale/*
find "$rootfs/usr/share/doc" -type f ! -name copyright -delete
rm -f "$rootfs/etc/resolv.conf" "$rootfs/etc/hostname"
: > "$rootfs/etc/hosts"
