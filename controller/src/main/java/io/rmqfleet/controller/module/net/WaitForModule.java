package io.rmqfleet.controller.module.net;

import io.rmqfleet.controller.connection.ExecResult;
import io.rmqfleet.controller.module.ArgSpec;
import io.rmqfleet.controller.module.ModuleArgs;
import io.rmqfleet.controller.module.ModuleArgumentException;
import io.rmqfleet.controller.module.ModuleContext;
import io.rmqfleet.controller.module.ModuleFailure;
import io.rmqfleet.controller.module.ModuleResult;
import io.rmqfleet.controller.module.TaskModule;
import io.rmqfleet.controller.module.support.Remote;

import java.time.Duration;

/**
 * {@code wait_for}: waits on the host until a TCP port opens or closes, or a path appears or goes away. The wait
 * loop runs on the host with its own deadline (one remote command, no polling from the controller). Never
 * changes anything; runs in check mode too, as Ansible's does.
 */
public final class WaitForModule implements TaskModule {
    private static final ArgSpec SPEC = ArgSpec.builder()
            .optional("host", "port", "path", "search_regex", "timeout", "delay", "sleep", "connect_timeout", "msg")
            .choices("state", "started", "stopped", "present", "absent")
            .mutuallyExclusive("port", "path")
            .build();
    /** Slack on top of the wait itself for the remote command (connection, shell start-up). */
    private static final Duration SLACK = Duration.ofSeconds(30);

    @Override
    public String name() {
        return "wait_for";
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
        int timeout = nonNegative(args, "timeout", 300);
        int delay = nonNegative(args, "delay", 0);
        int sleep = Math.max(1, nonNegative(args, "sleep", 1));
        int connectTimeout = Math.max(1, nonNegative(args, "connect_timeout", 5));
        String state = args.choice("state", "started", "started", "stopped", "present", "absent");
        String host = args.string("host", "127.0.0.1");
        boolean wantUp = state.equals("started") || state.equals("present");
        Remote remote = new Remote(ctx);
        Duration limit = Duration.ofSeconds((long) delay + timeout + connectTimeout).plus(SLACK);

        WaitScript.Condition condition;
        String what;
        if (args.has("port")) {
            if (args.has("search_regex")) {
                throw new ModuleArgumentException("argument 'search_regex' works with 'path' only");
            }
            int port = args.integer("port", 0);
            if (port < 1 || port > 65535) {
                throw new ModuleArgumentException("argument 'port' must be 1..65535, got " + port);
            }
            condition = WaitScript.port(host, port, connectTimeout, wantUp);
            what = host + ":" + port;
        } else if (args.has("path")) {
            condition = WaitScript.path(args.string("path"), args.optString("search_regex").orElse(null), wantUp);
            what = (args.has("search_regex") ? "string " + args.string("search_regex") + " in " : "file ") + args.string("path");
        } else {
            // neither port nor path: wait `timeout` seconds, on the host like everything else
            remote.check("waiting", "sleep " + (delay + timeout), limit);
            return ModuleResult.okBuilder().put("elapsed", delay + timeout).build();
        }

        ExecResult r = remote.run(WaitScript.script(condition, delay, timeout, sleep), limit);
        int elapsed = WaitScript.elapsed(r.stdout());
        if (r.exitCode() == WaitScript.TIMED_OUT) {
            String message = args.optString("msg").orElse("Timeout when waiting for " + what + (wantUp ? "" : " to stop"));
            return ModuleResult.failure(message).put("elapsed", elapsed).build();
        }
        if (!r.ok()) {
            throw ModuleFailure.of("waiting for " + what, r);
        }
        ModuleResult.Builder ok = ModuleResult.okBuilder().put("elapsed", elapsed).put("state", state);
        if (args.has("port")) {
            ok.put("port", args.integer("port", 0));
        } else {
            ok.put("path", args.string("path"));
        }
        return ok.build();
    }

    private static int nonNegative(ModuleArgs args, String name, int defaultValue) {
        int value = args.integer(name, defaultValue);
        if (value < 0) {
            throw new ModuleArgumentException("argument '" + name + "' must not be negative, got " + value);
        }
        return value;
    }
}
