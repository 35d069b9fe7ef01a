package io.rmqfleet.controller.module.docker;

import io.rmqfleet.controller.connection.ExecResult;
import io.rmqfleet.controller.module.ArgSpec;
import io.rmqfleet.controller.module.Diff;
import io.rmqfleet.controller.module.ModuleArgs;
import io.rmqfleet.controller.module.ModuleContext;
import io.rmqfleet.controller.module.ModuleFailure;
import io.rmqfleet.controller.module.ModuleResult;
import io.rmqfleet.controller.module.TaskModule;
import io.rmqfleet.controller.module.support.Remote;
import io.rmqfleet.controller.module.support.ShellQuote;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code docker_container}: one container in state started, stopped, present or absent. The wanted spec is
 * hashed (canonical JSON, SHA-256) into the label {@code rmqfleet.spec-hash}; an existing container is recreated
 * only when that hash or the image id differs. Containers without {@code rmqfleet.managed=true} are refused
 * unless {@code adopt: true}. Removal stops the container gracefully and never deletes its volumes.
 */
public final class DockerContainerModule implements TaskModule {
    private static final ArgSpec SPEC = ArgSpec.builder()
            .required("name")
            .optional("image", "command", "env", "ports", "volumes", "network_mode", "restart_retries", "user",
                    "labels", "healthcheck", "stop_timeout", "memory", "adopt")
            .alias("published_ports", "ports")
            .alias("restart_policy_retries", "restart_retries")
            .choices("state", "started", "stopped", "present", "absent")
            .choices("restart_policy", "no", "always", "unless-stopped", "on-failure")
            .choices("pull", "missing", "never")
            .build();

    @Override
    public String name() {
        return "docker_container";
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
        String state = args.choice("state", "started", "started", "stopped", "present", "absent");
        String name = args.string("name");
        ContainerSpec wanted = state.equals("absent") && !args.has("image") ? null : ContainerArgs.spec(args);
        String hash = wanted == null ? null : SpecHash.of(wanted);
        String pull = args.choice("pull", "missing", "missing", "never");
        boolean adopt = args.bool("adopt", false);
        Remote remote = new Remote(ctx);

        ExecResult probe = remote.run(ContainerProbe.command(name, wanted == null ? "scratch" : wanted.image()));
        if (!probe.ok()) {
            throw ModuleFailure.of("inspecting container " + name, probe);
        }
        ContainerProbe.Output out;
        try {
            out = ContainerProbe.parse(probe.stdout() + probe.stderr());
        } catch (DockerUnavailableException e) {
            if (!ctx.checkMode()) {
                throw e;
            }
            // check mode on a host docker_install has not set up yet: no container there, so it would be created
            out = new ContainerProbe.Output(null, null, null, null);
        }
        InspectedContainer actual = out.containerExists()
                ? InspectedContainer.parse(out.containerJson(), out.containerImageJson()) : null;
        ContainerPlan plan = ContainerPlan.decide(state, hash, actual, wanted == null ? null : out.wantedImageId(), adopt);
        if (plan.refused()) {
            throw new ModuleFailure(plan.refusal());
        }

        ModuleResult.Builder result = ModuleResult.builder(plan.changes());
        if (ctx.diffMode() && plan.changes()) {
            result.diff(new Diff("container " + name + " (before)", "container " + name + " (after)",
                    describe(actual == null ? null : actual.actualSpec().toMap(), stateOf(actual)),
                    describe(wanted == null || state.equals("absent") ? null : wanted.toMap(), state)));
        }
        String id = actual == null ? null : actual.id();
        if (plan.changes() && !ctx.checkMode()) {
            id = execute(remote, plan, name, wanted, hash, pull, id);
        }
        if (!plan.reasons().isEmpty()) {
            result.msg(String.join(", ", plan.reasons()));
        }
        Map<String, Object> container = new LinkedHashMap<>();
        container.put("name", name);
        if (id != null && !state.equals("absent")) {
            container.put("id", id.length() > 12 ? id.substring(0, 12) : id);
        }
        if (wanted != null) {
            container.put("image", wanted.image());
            container.put("spec_hash", hash);
        }
        container.put("state", state);
        return result.put("container", container)
                .put("actions", plan.steps().stream().map(s -> s.name().toLowerCase()).toList())
                .build();
    }

    private static String execute(Remote remote, ContainerPlan plan, String name, ContainerSpec wanted, String hash,
                                  String pull, String id) {
        String n = ShellQuote.quote(name);
        String newId = id;
        for (ContainerPlan.Step step : plan.steps()) {
            switch (step) {
                // docker stop honours the container's own stop timeout (e.g. 30 s for a broker to flush)
                case REMOVE -> remote.check("removing container " + name,
                        "docker stop " + n + " >/dev/null && docker rm " + n + " >/dev/null");
                case RUN, CREATE -> {
                    ExecResult r = remote.run(ShellQuote.join(
                            DockerRunCommand.argv(wanted, hash, step == ContainerPlan.Step.RUN, pull)));
                    if (!r.ok()) {
                        // the command line is not shown: env values may hold secrets
                        throw ModuleFailure.of((step == ContainerPlan.Step.RUN ? "docker run" : "docker create")
                                + " of " + name, r);
                    }
                    String[] lines = r.stdout().strip().split("\n");
                    newId = lines[lines.length - 1].trim();
                }
                case START -> remote.check("starting container " + name, "docker start " + n + " >/dev/null");
                case STOP -> remote.check("stopping container " + name, "docker stop " + n + " >/dev/null");
                default -> throw new IllegalStateException(step.toString());
            }
        }
        return newId;
    }

    private static String stateOf(InspectedContainer actual) {
        if (actual == null) {
            return "absent";
        }
        return actual.running() ? "started" : "stopped (" + actual.status() + ")";
    }

    private static String describe(Map<String, Object> spec, String state) {
        if (spec == null) {
            return "state: absent\n";
        }
        return "state: " + state + "\n" + SpecHash.pretty(spec);
    }
}
