package io.rmqfleet.controller.module.facts;

/**
 * The one command that gathers every fact: it prints {@code section:payload} lines (raw os-release, meminfo,
 * {@code ip} and {@code df} output, ...) and leaves all interpretation to {@link FactsParser}, so the remote side
 * needs nothing but a POSIX shell and the usual tools, and each missing tool only leaves its facts out.
 */
final class FactsScript {
    static final String SCRIPT = String.join("\n",
            "export LC_ALL=C",
            "echo \"hostname:$(hostname 2>/dev/null || cat /proc/sys/kernel/hostname)\"",
            "echo \"fqdn:$(hostname -f 2>/dev/null)\"",
            "echo \"kernel:$(uname -r)\"",
            "echo \"system:$(uname -s)\"",
            "echo \"arch:$(uname -m)\"",
            "echo \"nproc:$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN 2>/dev/null)\"",
            "echo \"user:$(id -un 2>/dev/null)\"",
            "echo \"pid1:$(cat /proc/1/comm 2>/dev/null)\"",
            "for f in /etc/os-release /usr/lib/os-release; do if [ -r \"$f\" ]; then sed 's/^/os:/' \"$f\"; break; fi; done",
            "if [ -r /etc/redhat-release ]; then sed 's/^/redhat:/' /etc/redhat-release; fi",
            "grep -E '^(MemTotal|MemFree|MemAvailable|SwapTotal|SwapFree):' /proc/meminfo 2>/dev/null | sed 's/^/mem:/'",
            "ip -o -4 addr show 2>/dev/null | sed 's/^/addr:/'",
            "gw=$(ip -4 route show default 2>/dev/null | awk '/^default/ {print $3; exit}')",
            "if [ -n \"$gw\" ]; then echo \"gateway:$gw\"; ip -4 route get \"$gw\" 2>/dev/null | sed 's/^/routeget:/'; fi",
            "df -P -k 2>/dev/null | tail -n +2 | sed 's/^/df:/'",
            "sed 's/^/mount:/' /proc/mounts 2>/dev/null",
            "echo \"ssh:$SSH_CONNECTION\"",
            "for m in apt-get dnf yum zypper apk; do if command -v \"$m\" >/dev/null 2>&1; then echo \"pkg:$m\"; fi; done",
            "if command -v systemctl >/dev/null 2>&1; then echo systemctl:yes; fi",
            "if command -v docker >/dev/null 2>&1; then",
            "  echo \"docker_client:$(docker version --format '{{.Client.Version}}' 2>/dev/null)\"",
            "  echo \"docker_server:$(timeout 10 docker version --format '{{.Server.Version}}' 2>/dev/null)\"",
            "fi",
            "echo \"epoch:$(date +%s)\"",
            "exit 0");

    private FactsScript() {
    }
}
