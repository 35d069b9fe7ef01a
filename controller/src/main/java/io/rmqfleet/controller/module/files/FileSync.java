package io.rmqfleet.controller.module.files;

import io.rmqfleet.controller.connection.ExecResult;
import io.rmqfleet.controller.module.Diff;
import io.rmqfleet.controller.module.ModuleContext;
import io.rmqfleet.controller.module.ModuleFailure;
import io.rmqfleet.controller.module.ModuleResult;
import io.rmqfleet.controller.module.support.FileAttributes;
import io.rmqfleet.controller.module.support.FileInfo;
import io.rmqfleet.controller.module.support.FileModes;
import io.rmqfleet.controller.module.support.FileProbe;
import io.rmqfleet.controller.module.support.Hashing;
import io.rmqfleet.controller.module.support.Remote;
import io.rmqfleet.controller.module.support.ShellQuote;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Makes one remote file hold the wanted bytes and attributes (shared by copy and template). Compares the SHA-256
 * of the local bytes with the remote file's first and uploads only on a difference; the new content is staged in
 * {@code /tmp}, copied beside the destination, given its attributes, validated, then renamed over it, so readers
 * never see a half-written file.
 */
public final class FileSync {
    /** Ansible's limit for showing file content in a diff. */
    static final int MAX_DIFF_BYTES = 104448;
    private static final int DEFAULT_MODE = 0644;

    private FileSync() {
    }

    public static ModuleResult ensure(ModuleContext ctx, DesiredFile want) {
        Remote remote = new Remote(ctx);
        String dest = want.dest();
        if (dest.endsWith("/")) {
            if (want.nameInDirectory() == null) {
                throw new ModuleFailure("dest '" + dest + "' names a directory; give a file path");
            }
            dest = dest + want.nameInDirectory();
        }
        FileInfo actual = probe(remote, dest);
        if (actual.isDirectory()) {
            if (want.nameInDirectory() == null) {
                throw new ModuleFailure("dest '" + dest + "' is a directory; give a file path");
            }
            dest = dest.replaceAll("/+$", "") + "/" + want.nameInDirectory();
            actual = probe(remote, dest);
        }
        if (actual.exists() && !actual.isFile()) {
            throw new ModuleFailure("dest '" + dest + "' exists and is a " + actual.type().word() + ", not a file");
        }
        if (!actual.exists() && !actual.parentIsDirectory()) {
            String message = "destination directory " + FileProbe.parentOf(dest) + " does not exist";
            if (!ctx.checkMode()) {
                throw new ModuleFailure(message);
            }
            // check mode: an earlier task (file: state=directory) would have created it; predict the new file
            ModuleResult.Builder predicted = ModuleResult.builder(true).msg(message + " yet").put("dest", dest)
                    .put("checksum", Hashing.sha256(want.content())).put("size", want.content().length);
            if (ctx.diffMode()) {
                predicted.diff(new Diff(dest, want.sourceLabel(), "", showable(want.content(), Hashing.sha256(want.content()))));
            }
            return predicted.build();
        }

        String checksum = Hashing.sha256(want.content());
        boolean writeContent = !actual.exists() || (want.force() && !checksum.equals(actual.checksum()));
        List<String> attrChanges = actual.exists() ? want.attrs().differences(actual) : List.of();
        boolean changed = writeContent || !attrChanges.isEmpty();

        ModuleResult.Builder result = ModuleResult.builder(changed);
        if (ctx.diffMode()) {
            if (writeContent) {
                result.diff(contentDiff(ctx, dest, actual, want));
            }
            if (!attrChanges.isEmpty()) {
                result.diff(attributeDiff(dest, want.attrs(), actual));
            }
        }
        if (changed && !ctx.checkMode()) {
            if (writeContent) {
                write(ctx, remote, dest, want, actual);
            } else {
                remote.check("setting " + String.join("/", attrChanges) + " of " + dest,
                        want.attrs().applyCommand(dest, false));
            }
        }
        int mode = want.attrs().mode() != null ? want.attrs().mode() : actual.exists() ? actual.mode() : DEFAULT_MODE;
        result.put("dest", dest)
                .put("checksum", checksum)
                .put("size", want.content().length)
                .put("mode", FileModes.format(mode));
        if (want.attrs().owner() != null || actual.exists()) {
            result.put("owner", want.attrs().owner() != null ? want.attrs().owner() : actual.owner());
        }
        if (want.attrs().group() != null || actual.exists()) {
            result.put("group", want.attrs().group() != null ? want.attrs().group() : actual.group());
        }
        return result.build();
    }

    static FileInfo probe(Remote remote, String path) {
        ExecResult r = remote.run(FileProbe.command(path, true, "sha256"));
        if (!r.ok()) {
            throw ModuleFailure.of("inspecting " + path, r);
        }
        return FileProbe.parse(path, r);
    }

    private static void write(ModuleContext ctx, Remote remote, String dest, DesiredFile want, FileInfo actual) {
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        String staging = "/tmp/.rmqfleet-" + id + ".upload";
        String temp = FileProbe.parentOf(dest) + "/.rmqfleet-" + id + ".tmp";
        int mode = want.attrs().mode() != null ? want.attrs().mode() : actual.exists() ? actual.mode() : DEFAULT_MODE;
        // keep the old owner and group unless the task asks for others, as Ansible's atomic move does
        String owner = want.attrs().owner() != null ? want.attrs().owner()
                : actual.exists() ? Integer.toString(actual.uid()) : null;
        String group = want.attrs().group() != null ? want.attrs().group()
                : actual.exists() ? Integer.toString(actual.gid()) : null;

        ctx.connection().put(want.content(), staging, 0600);
        List<String> steps = new ArrayList<>();
        steps.add("cp -- \"$s\" \"$t\"");
        steps.add(new FileAttributes(owner, group, mode).applyCommand(temp, false));
        if (want.validate() != null) {
            steps.add(want.validate().replace("%s", ShellQuote.quote(temp)));
        }
        steps.add("mv -f -- \"$t\" " + ShellQuote.quote(dest));
        String script = "s=" + ShellQuote.quote(staging) + "; t=" + ShellQuote.quote(temp) + "; "
                + "{ " + String.join(" && ", steps) + "; }; rc=$?; rm -f -- \"$s\" \"$t\"; exit $rc";
        ExecResult r = remote.run(script);
        if (!r.ok()) {
            throw ModuleFailure.of(want.validate() != null ? "validating and writing " + dest : "writing " + dest, r);
        }
    }

    private static Diff contentDiff(ModuleContext ctx, String dest, FileInfo actual, DesiredFile want) {
        String before = "";
        if (actual.exists()) {
            byte[] old = actual.size() > MAX_DIFF_BYTES ? null : ctx.connection().fetch(dest).orElse(new byte[0]);
            before = showable(old, actual.checksum());
        }
        String after = showable(want.content(), Hashing.sha256(want.content()));
        return new Diff(dest, want.sourceLabel(), before, after);
    }

    /** Text as-is; binary or large content as its checksum only. */
    static String showable(byte[] bytes, String checksum) {
        if (bytes == null || bytes.length > MAX_DIFF_BYTES || isBinary(bytes)) {
            return "(binary or larger than " + MAX_DIFF_BYTES + " bytes: not shown) sha256 " + checksum + "\n";
        }
        return new String(bytes, StandardCharsets.UTF_8);
    }

    static boolean isBinary(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    static Diff attributeDiff(String path, FileAttributes want, FileInfo actual) {
        return new Diff(path + " (attributes)", path + " (attributes)",
                render(want.describe(actual)), render(want.describeWanted()));
    }

    static String render(Map<String, String> attrs) {
        StringBuilder sb = new StringBuilder();
        attrs.forEach((k, v) -> sb.append(k).append(": ").append(v).append('\n'));
        return sb.toString();
    }
}
