package io.rmqfleet.controller.module.docker;

import io.rmqfleet.controller.module.ModuleFailure;
import io.rmqfleet.controller.module.support.ShellQuote;

import java.util.List;

/**
 * How docker_install gets a host from what {@link DockerHost} found to a Docker engine that answers: which
 * packages to install with which package manager, and how to start the daemon (systemd, the init script, or a
 * supervised {@code dockerd} where there is no init system). Pure.
 */
final class DockerInstallPlan {
    static final String SUPERVISOR_PID = "/run/rmqfleet-dockerd-supervisor.pid";
    static final String DOCKERD_LOG = "/var/log/rmqfleet-dockerd.log";

    private DockerInstallPlan() {
    }

    /** The install command, or null when Docker is installed. */
    static String installCommand(DockerHost host, List<String> packagesOverride) {
        if (host.installed()) {
            return null;
        }
        if (host.packageManagers().contains("apt-get")) {
            List<String> pkgs = packagesOverride.isEmpty() ? List.of("docker.io") : packagesOverride;
            return "export DEBIAN_FRONTEND=noninteractive && apt-get update -q && "
                    + "apt-get install -y -q --no-install-recommends " + ShellQuote.join(pkgs);
        }
        String manager = host.packageManagers().contains("dnf") ? "dnf"
                : host.packageManagers().contains("yum") ? "yum" : null;
        if (manager != null) {
            List<String> pkgs = !packagesOverride.isEmpty() ? packagesOverride
                    : host.osId().equals("fedora") ? List.of("moby-engine")
                    : List.of("docker-ce", "docker-ce-cli", "containerd.io"); // needs Docker's repository configured
            return manager + " install -y " + ShellQuote.join(pkgs);
        }
        throw new ModuleFailure("cannot install Docker on this host: no apt-get, dnf or yum (os " + host.osId()
                + ", family " + host.osFamily() + "); install it yourself");
    }

    /** systemd, service or supervised, for {@code mode} auto or a forced one. */
    static String startMethod(DockerHost host, String mode) {
        if (!mode.equals("auto")) {
            return mode;
        }
        if (host.pid1().equals("systemd") && host.systemctl()) {
            return "systemd";
        }
        // without systemd, the init script's start-stop-daemon setup is unreliable in containers: supervise dockerd
        return "supervised";
    }

    static String startCommand(String method, List<String> dockerdArgs) {
        return switch (method) {
            case "systemd" -> "systemctl enable --now docker";
            case "service" -> "service docker start";
            case "supervised" -> {
                // restarts dockerd when it exits; detached from the SSH session (setsid, no inherited descriptors)
                String loop = "echo $$ > " + SUPERVISOR_PID + "; while :; do dockerd"
                        + (dockerdArgs.isEmpty() ? "" : " " + ShellQuote.join(dockerdArgs))
                        + " >>" + DOCKERD_LOG + " 2>&1; sleep 2; done";
                yield "setsid sh -c " + ShellQuote.quote(loop) + " </dev/null >/dev/null 2>&1 &";
            }
            default -> throw new IllegalArgumentException(method);
        };
    }

    /** Polls on the host until {@code docker version} reaches the daemon, or the deadline passes (exit 3). */
    static String waitCommand(int timeoutSeconds) {
        return "end=$(( $(date +%s) + " + timeoutSeconds + " )); "
                + "while :; do v=$(docker version --format '{{.Server.Version}}' 2>/dev/null) && [ -n \"$v\" ] "
                + "&& { echo \"$v\"; exit 0; }; [ \"$(date +%s)\" -ge \"$end\" ] && exit 3; sleep 1; done";
    }
}
