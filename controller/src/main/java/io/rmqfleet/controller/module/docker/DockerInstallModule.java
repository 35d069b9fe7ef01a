package io.rmqfleet.controller.module.docker;

import io.rmqfleet.controller.connection.ExecResult;
import io.rmqfleet.controller.module.ArgSpec;
import io.rmqfleet.controller.module.ModuleArgs;
import io.rmqfleet.controller.module.ModuleContext;
import io.rmqfleet.controller.module.ModuleFailure;
import io.rmqfleet.controller.module.ModuleResult;
import io.rmqfleet.controller.module.TaskModule;
import io.rmqfleet.controller.module.support.Remote;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code docker_install}: the host has a Docker engine that answers. Installs it when missing (apt on the
 * Debian family, dnf/yum on the Red Hat family), starts it when it is not running (systemd, the init script, or a
 * supervised {@code dockerd} where there is no init system), then waits until the daemon answers. Changes
 * nothing on a host whose engine already answers.
 */
public final class DockerInstallModule implements TaskModule {
    private static final ArgSpec SPEC = ArgSpec.builder()
            .optional("packages", "start", "dockerd_args", "timeout")
            .choices("state", "present")
            .choices("start_method", "auto", "systemd", "service", "supervised")
            .build();

    @Override
    public String name() {
        return "docker_install";
    }

    @Override
    public boolean supportsCheckMode() {
        return true;
    }

    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleContext ctx, ModuleArgs args) {
        boolean start = args.bool("start", true);
        String mode = args.choice("start_method", "auto", "auto", "systemd", "service", "supervised");
        List<String> dockerdArgs = args.stringList("dockerd_args");
        int timeout = args.integer("timeout", 120);
        Remote remote = new Remote(ctx);

        DockerHost host = probe(remote);
        List<String> actions = new ArrayList<>();
        String install = DockerInstallPlan.installCommand(host, args.stringList("packages"));
        if (install != null) {
            actions.add("install");
        }
        if (start && !host.answering() && !host.daemonRunning()) {
            actions.add("start (" + DockerInstallPlan.startMethod(host, mode) + ")");
        }
        if (ctx.checkMode() || actions.isEmpty() && (!start || host.answering())) {
            return result(ModuleResult.builder(!actions.isEmpty()), actions, host.serverVersion());
        }

        if (install != null) {
            remote.check("installing Docker", install);
            host = probe(remote); // a package's post-install script may have started the daemon already
            if (!host.installed()) {
                throw new ModuleFailure("Docker is still missing after the package install");
            }
        }
        if (start && !host.answering() && !host.daemonRunning()) {
            String method = DockerInstallPlan.startMethod(host, mode);
            remote.check("starting Docker (" + method + ")", DockerInstallPlan.startCommand(method, dockerdArgs));
            if (!actions.contains("start (" + method + ")")) {
                actions.add("start (" + method + ")");
            }
        }
        String version = host.serverVersion();
        if (start && !host.answering()) {
            ExecResult ready = remote.run(DockerInstallPlan.waitCommand(timeout), Duration.ofSeconds(timeout + 30L));
            if (!ready.ok()) {
                ExecResult log = remote.run("tail -n 5 " + DockerInstallPlan.DOCKERD_LOG + " 2>/dev/null");
                throw new ModuleFailure("the Docker daemon did not answer within " + timeout + " s"
                        + (log.stdout().isBlank() ? "" : "; dockerd log: " + log.stdout().strip()));
            }
            version = ready.stdout().trim();
            if (actions.isEmpty()) {
                actions.add("waited for the daemon");
            }
        }
        boolean changed = actions.stream().anyMatch(a -> a.startsWith("install") || a.startsWith("start"));
        return result(ModuleResult.builder(changed), actions, version);
    }

    private static DockerHost probe(Remote remote) {
        ExecResult r = remote.run(DockerHost.command());
        if (!r.ok()) {
            throw ModuleFailure.of("looking for Docker", r);
        }
        return DockerHost.parse(r.stdout());
    }

    private static ModuleResult result(ModuleResult.Builder b, List<String> actions, String version) {
        if (!actions.isEmpty()) {
            b.msg(String.join(", ", actions));
        }
        return b.put("actions", actions).put("docker_version", version == null || version.isEmpty() ? null : version)
                .build();
    }
}
