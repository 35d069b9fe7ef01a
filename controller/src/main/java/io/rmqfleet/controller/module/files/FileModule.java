package io.rmqfleet.controller.module.files;

import io.rmqfleet.controller.connection.ExecResult;
import io.rmqfleet.controller.module.ArgSpec;
import io.rmqfleet.controller.module.Diff;
import io.rmqfleet.controller.module.ModuleArgs;
import io.rmqfleet.controller.module.ModuleArgumentException;
import io.rmqfleet.controller.module.ModuleContext;
import io.rmqfleet.controller.module.ModuleFailure;
import io.rmqfleet.controller.module.ModuleResult;
import io.rmqfleet.controller.module.TaskModule;
import io.rmqfleet.controller.module.support.FileAttributes;
import io.rmqfleet.controller.module.support.FileInfo;
import io.rmqfleet.controller.module.support.FileProbe;
import io.rmqfleet.controller.module.support.Remote;
import io.rmqfleet.controller.module.support.ShellQuote;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code file}: a path is a directory, an existing file with given attributes, absent, or touched.
 * {@code recurse} (directories) applies owner/group/mode to everything below, as Ansible does.
 */
public final class FileModule implements TaskModule {
    private static final ArgSpec SPEC = ArgSpec.builder()
            .required("path")
            .alias("dest", "path")
            .alias("name", "path")
            .optional("owner", "group", "mode", "recurse", "follow")
            .choices("state", "file", "directory", "absent", "touch")
            .choices("modification_time", "now", "preserve")
            .choices("access_time", "now", "preserve")
            .build();

    @Override
    public String name() {
        return "file";
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
        String path = args.string("path");
        FileAttributes attrs = FileAttributes.from(args);
        boolean recurse = args.bool("recurse", false);
        boolean follow = args.bool("follow", true);
        Remote remote = new Remote(ctx);
        ExecResult probe = remote.run(FileProbe.command(path, follow, null));
        if (!probe.ok()) {
            throw ModuleFailure.of("inspecting " + path, probe);
        }
        FileInfo actual = FileProbe.parse(path, probe);
        String state = args.choice("state", actual.exists() ? stateOf(actual) : "file",
                "file", "directory", "absent", "touch");
        if (recurse && !state.equals("directory")) {
            throw new ModuleArgumentException("argument 'recurse' needs state=directory");
        }

        Plan plan = switch (state) {
            case "directory" -> directory(remote, path, attrs, recurse, actual);
            case "absent" -> absent(path, actual);
            case "touch" -> touch(path, attrs, actual, !"preserve".equals(args.string("modification_time", "now"))
                    || !"preserve".equals(args.string("access_time", "now")));
            default -> file(path, attrs, actual);
        };

        ModuleResult.Builder result = ModuleResult.builder(plan.changed());
        if (ctx.diffMode() && plan.changed()) {
            result.diff(new Diff(path, path, describe(actual.exists() ? stateOf(actual) : "absent", attrs.describe(actual)),
                    describe(state, state.equals("absent") ? Map.of() : attrs.describeWanted())));
        }
        if (plan.changed() && !ctx.checkMode()) {
            remote.check(state + " " + path, String.join(" && ", plan.commands()));
        }
        return result.put("path", path).put("state", state).build();
    }

    private record Plan(List<String> commands) {
        boolean changed() {
            return !commands.isEmpty();
        }
    }

    private static Plan directory(Remote remote, String path, FileAttributes attrs, boolean recurse, FileInfo actual) {
        List<String> cmds = new ArrayList<>();
        if (!actual.exists()) {
            cmds.add("mkdir -p -- " + ShellQuote.quote(path));
            addIfPresent(cmds, attrs.applyCommand(path, recurse));
            return new Plan(cmds);
        }
        if (!actual.isDirectory()) {
            throw new ModuleFailure(path + " already exists as a " + actual.type().word());
        }
        boolean differs = !attrs.differences(actual).isEmpty();
        if (recurse && !differs && !attrs.isEmpty()) {
            ExecResult found = remote.check("looking for files below " + path + " with other attributes",
                    attrs.findDifferingCommand(path));
            differs = !found.stdout().isBlank();
        }
        if (differs) {
            addIfPresent(cmds, attrs.applyCommand(path, recurse));
        }
        return new Plan(cmds);
    }

    private static Plan absent(String path, FileInfo actual) {
        return new Plan(actual.exists() ? List.of("rm -rf -- " + ShellQuote.quote(path)) : List.of());
    }

    private static Plan touch(String path, FileAttributes attrs, FileInfo actual, boolean updateTimes) {
        List<String> cmds = new ArrayList<>();
        if (!actual.exists() || updateTimes) {
            cmds.add("touch -- " + ShellQuote.quote(path));
        }
        if (!actual.exists() || !attrs.differences(actual).isEmpty()) {
            addIfPresent(cmds, attrs.applyCommand(path, false));
        }
        return new Plan(cmds);
    }

    private static Plan file(String path, FileAttributes attrs, FileInfo actual) {
        if (!actual.exists()) {
            throw new ModuleFailure("file (" + path + ") is absent, cannot continue");
        }
        if (actual.isDirectory()) {
            throw new ModuleFailure("file (" + path + ") is directory, cannot continue");
        }
        List<String> cmds = new ArrayList<>();
        if (!attrs.differences(actual).isEmpty()) {
            cmds.add(attrs.applyCommand(path, false));
        }
        return new Plan(cmds);
    }

    private static void addIfPresent(List<String> cmds, String cmd) {
        if (!cmd.isEmpty()) {
            cmds.add(cmd);
        }
    }

    private static String stateOf(FileInfo info) {
        return info.type() == FileInfo.Type.OTHER ? "file" : info.type().word();
    }

    private static String describe(String state, Map<String, String> attrs) {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("state", state);
        all.putAll(attrs);
        return FileSync.render(all);
    }
}
