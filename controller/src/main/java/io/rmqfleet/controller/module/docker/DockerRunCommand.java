package io.rmqfleet.controller.module.docker;

import io.rmqfleet.controller.module.support.ShellQuote;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The {@code docker run -d} / {@code docker create} command line for a spec, labels included. Pure. */
final class DockerRunCommand {

    private DockerRunCommand() {
    }

    /**
     * @param start true: {@code docker run -d}; false: {@code docker create}
     * @param pull  {@code missing} or {@code never}
     */
    static List<String> argv(ContainerSpec spec, String hash, boolean start, String pull) {
        List<String> argv = new ArrayList<>();
        argv.add("docker");
        if (start) {
            argv.add("run");
            argv.add("-d");
        } else {
            argv.add("create");
        }
        argv.add("--name");
        argv.add(spec.name());
        argv.add("--pull");
        argv.add(pull);
        argv.add("--label");
        argv.add(ContainerSpec.MANAGED_LABEL + "=true");
        argv.add("--label");
        argv.add(ContainerSpec.HASH_LABEL + "=" + hash);
        for (Map.Entry<String, String> label : spec.labels().entrySet()) {
            argv.add("--label");
            argv.add(label.getKey() + "=" + label.getValue());
        }
        for (Map.Entry<String, String> env : spec.env().entrySet()) {
            argv.add("--env");
            argv.add(env.getKey() + "=" + env.getValue());
        }
        for (String port : spec.ports()) {
            argv.add("--publish");
            argv.add(port);
        }
        for (String volume : spec.volumes()) {
            argv.add("--volume");
            argv.add(volume);
        }
        if (spec.networkMode() != null) {
            argv.add("--network");
            argv.add(spec.networkMode());
        }
        argv.add("--restart");
        argv.add(spec.restartRetries() != null ? spec.restartPolicy() + ":" + spec.restartRetries() : spec.restartPolicy());
        if (spec.user() != null) {
            argv.add("--user");
            argv.add(spec.user());
        }
        Healthcheck hc = spec.healthcheck();
        if (hc != null) {
            if (hc.disabled()) {
                argv.add("--no-healthcheck");
            } else {
                argv.add("--health-cmd");
                // the CLI takes a shell command only: an exec-form test is quoted into one
                argv.add(hc.test().get(0).equals("CMD-SHELL") ? hc.test().get(1)
                        : ShellQuote.join(hc.test().subList(1, hc.test().size())));
                addIf(argv, "--health-interval", hc.interval());
                addIf(argv, "--health-timeout", hc.timeout());
                addIf(argv, "--health-retries", hc.retries() == null ? null : hc.retries().toString());
                addIf(argv, "--health-start-period", hc.startPeriod());
            }
        }
        if (spec.stopTimeout() != null) {
            argv.add("--stop-timeout");
            argv.add(spec.stopTimeout().toString());
        }
        if (spec.memoryBytes() != null) {
            argv.add("--memory");
            argv.add(spec.memoryBytes().toString());
        }
        argv.add(spec.image());
        if (spec.command() != null) {
            argv.addAll(spec.command());
        }
        return argv;
    }

    private static void addIf(List<String> argv, String flag, String value) {
        if (value != null) {
            argv.add(flag);
            argv.add(value);
        }
    }
}
