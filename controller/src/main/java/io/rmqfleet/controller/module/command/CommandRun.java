package io.rmqfleet.controller.module.command;

import io.rmqfleet.controller.connection.ExecResult;
import io.rmqfleet.controller.module.ModuleArgs;
import io.rmqfleet.controller.module.ModuleContext;
import io.rmqfleet.controller.module.ModuleResult;
import io.rmqfleet.controller.module.support.Remote;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * What command and shell share: the {@code creates}/{@code removes} short-cuts, check mode as Ansible does it
 * (predicts only when creates/removes is given, else skips), running, and the result with rc, stdout, stderr,
 * start, end and delta. A command that ran is always "changed", as in Ansible.
 */
final class CommandRun {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

    private CommandRun() {
    }

    /**
     * @param script  the shell text to run (without chdir)
     * @param display what to report as {@code cmd}: the argv list for command, the text for shell
     */
    static ModuleResult run(ModuleContext ctx, ModuleArgs args, String script, Object display) {
        Remote remote = new Remote(ctx);
        String chdir = args.optString("chdir").orElse(null);
        String creates = args.optString("creates").orElse(null);
        String removes = args.optString("removes").orElse(null);
        if (creates != null && remote.run(CommandLine.anyMatch(chdir, creates)).ok()) {
            return ModuleResult.okBuilder().msg("Did not run command since '" + creates + "' exists")
                    .rc(0).stdout("skipped, since " + creates + " exists").stderr("").put("cmd", display).build();
        }
        if (removes != null && !remote.run(CommandLine.anyMatch(chdir, removes)).ok()) {
            return ModuleResult.okBuilder().msg("Did not run command since '" + removes + "' does not exist")
                    .rc(0).stdout("skipped, since " + removes + " does not exist").stderr("").put("cmd", display).build();
        }
        if (ctx.checkMode()) {
            if (creates == null && removes == null) {
                return ModuleResult.skipped("Command would have run if not in check mode");
            }
            return ModuleResult.builder(true).msg("Command would have run if not in check mode").put("cmd", display).build();
        }

        byte[] stdin = new byte[0];
        if (args.has("stdin")) {
            String text = args.string("stdin") + (args.bool("stdin_add_newline", true) ? "\n" : "");
            stdin = text.getBytes(StandardCharsets.UTF_8);
        }
        Instant start = ctx.clock().instant();
        ExecResult r = remote.run(CommandLine.inDirectory(chdir, script), stdin);
        Instant end = ctx.clock().instant();
        boolean strip = args.bool("strip_empty_ends", true);
        String stdout = strip ? CommandLine.stripEnds(r.stdout()) : r.stdout();
        String stderr = strip ? CommandLine.stripEnds(r.stderr()) : r.stderr();

        ModuleResult.Builder result = ModuleResult.builder(true).rc(r.exitCode()).stdout(stdout).stderr(stderr);
        if (!r.ok()) {
            result = ModuleResult.failure("non-zero return code").rc(r.exitCode()).stdout(stdout).stderr(stderr);
        }
        ZoneId zone = ctx.clock().getZone();
        return result.put("cmd", display)
                .put("start", STAMP.format(start.atZone(zone)))
                .put("end", STAMP.format(end.atZone(zone)))
                .put("delta", delta(Duration.between(start, end)))
                .build();
    }

    /** Python's timedelta text, e.g. {@code 0:00:01.204000}. */
    static String delta(Duration d) {
        long micros = d.toNanos() / 1000;
        long seconds = micros / 1_000_000;
        return String.format("%d:%02d:%02d.%06d", seconds / 3600, (seconds / 60) % 60, seconds % 60, micros % 1_000_000);
    }
}
