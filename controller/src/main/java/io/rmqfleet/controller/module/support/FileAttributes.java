package io.rmqfleet.controller.module.support;

import io.rmqfleet.controller.module.ModuleArgs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The owner, group and mode a task asks for (each optional), compared with what a path has. Owner and group may
 * be names or numeric ids.
 */
public record FileAttributes(String owner, String group, Integer mode) {

    public static FileAttributes from(ModuleArgs args) {
        return new FileAttributes(args.optString("owner").orElse(null), args.optString("group").orElse(null),
                args.mode("mode").orElse(null));
    }

    public boolean isEmpty() {
        return owner == null && group == null && mode == null;
    }

    /** The attributes that differ from {@code actual}: a subset of owner, group, mode, in that order. */
    public List<String> differences(FileInfo actual) {
        List<String> out = new ArrayList<>();
        if (owner != null && !sameIdentity(owner, actual.owner(), actual.uid())) {
            out.add("owner");
        }
        if (group != null && !sameIdentity(group, actual.group(), actual.gid())) {
            out.add("group");
        }
        if (mode != null && (mode & 07777) != actual.mode()) {
            out.add("mode");
        }
        return out;
    }

    static boolean sameIdentity(String wanted, String actualName, int actualId) {
        if (wanted.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(wanted) == actualId;
        }
        return wanted.equals(actualName);
    }

    /**
     * Shell commands (joined with {@code &&}) that set these attributes on {@code path}; empty when there is nothing
     * to set. {@code recurse} applies them to everything below a directory too.
     */
    public String applyCommand(String path, boolean recurse) {
        List<String> cmds = new ArrayList<>();
        String r = recurse ? "-R " : "";
        String p = ShellQuote.quote(path);
        if (owner != null && group != null) {
            cmds.add("chown " + r + ShellQuote.quote(owner + ":" + group) + " -- " + p);
        } else if (owner != null) {
            cmds.add("chown " + r + ShellQuote.quote(owner) + " -- " + p);
        } else if (group != null) {
            cmds.add("chgrp " + r + ShellQuote.quote(group) + " -- " + p);
        }
        if (mode != null) {
            cmds.add("chmod " + r + FileModes.format(mode) + " -- " + p);
        }
        return String.join(" && ", cmds);
    }

    /**
     * A command that prints the first path below {@code dir} whose attributes differ (nothing when all match), for
     * {@code recurse}; empty when no attribute is asked for.
     */
    public String findDifferingCommand(String dir) {
        List<String> tests = new ArrayList<>();
        if (owner != null) {
            tests.add("! -user " + ShellQuote.quote(owner));
        }
        if (group != null) {
            tests.add("! -group " + ShellQuote.quote(group));
        }
        if (mode != null) {
            tests.add("! -perm " + FileModes.format(mode));
        }
        if (tests.isEmpty()) {
            return "";
        }
        return "find " + ShellQuote.quote(dir) + " -mindepth 1 \\( " + String.join(" -o ", tests) + " \\) -print -quit";
    }

    /** The attributes as a diff shows them: only those asked for, with values from {@code actual}. */
    public Map<String, String> describe(FileInfo actual) {
        Map<String, String> out = new LinkedHashMap<>();
        if (owner != null) {
            out.put("owner", actual.exists() ? actual.owner() : "");
        }
        if (group != null) {
            out.put("group", actual.exists() ? actual.group() : "");
        }
        if (mode != null) {
            out.put("mode", actual.exists() ? actual.modeString() : "");
        }
        return out;
    }

    /** The attributes as a diff shows them after the change. */
    public Map<String, String> describeWanted() {
        Map<String, String> out = new LinkedHashMap<>();
        if (owner != null) {
            out.put("owner", owner);
        }
        if (group != null) {
            out.put("group", group);
        }
        if (mode != null) {
            out.put("mode", FileModes.format(mode));
        }
        return out;
    }
}
