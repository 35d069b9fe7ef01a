package io.rmqfleet.controller.module.support;

import io.rmqfleet.controller.connection.ExecResult;
import io.rmqfleet.controller.module.ModuleFailure;

import java.util.HashMap;
import java.util.Map;

/**
 * Looks at one remote path with a single command: type, mode, owner, size, mtime, and optionally a checksum of
 * the content. Building the command and parsing its output are pure and unit-tested.
 */
public final class FileProbe {
    /** The checksum tools {@link #command} may use, by algorithm name. */
    public static final Map<String, String> CHECKSUM_TOOLS = Map.of(
            "sha1", "sha1sum", "sha224", "sha224sum", "sha256", "sha256sum", "sha384", "sha384sum",
            "sha512", "sha512sum", "md5", "md5sum");

    private FileProbe() {
    }

    /**
     * The probe command.
     *
     * @param follow            describe the target of a symbolic link rather than the link
     * @param checksumAlgorithm null for none, else a key of {@link #CHECKSUM_TOOLS}
     */
    public static String command(String path, boolean follow, String checksumAlgorithm) {
        String p = ShellQuote.quote(path);
        String parent = ShellQuote.quote(parentOf(path));
        StringBuilder sb = new StringBuilder();
        sb.append("p=").append(p).append("; ");
        sb.append(follow ? "if [ -e \"$p\" ]; then " : "if [ -e \"$p\" ] || [ -L \"$p\" ]; then ");
        sb.append("printf 'stat=%s\\n' \"$(stat ").append(follow ? "-L " : "")
                .append("-c '%f %u %g %s %Y %U %G' -- \"$p\")\"; ");
        if (!follow) {
            sb.append("if [ -L \"$p\" ]; then printf 'link=%s\\n' \"$(readlink -- \"$p\")\"; fi; ");
        }
        if (checksumAlgorithm != null) {
            String tool = CHECKSUM_TOOLS.get(checksumAlgorithm);
            if (tool == null) {
                throw new IllegalArgumentException("unknown checksum algorithm " + checksumAlgorithm);
            }
            sb.append("if [ -f \"$p\" ] && [ -r \"$p\" ]; then printf 'sum=%s\\n' \"$(").append(tool)
                    .append(" < \"$p\" | cut -d' ' -f1)\"; fi; ");
        }
        sb.append("else echo absent; fi; ");
        sb.append("if [ -d ").append(parent).append(" ]; then echo parent=dir; fi");
        return sb.toString();
    }

    /** Parses the probe's output; fails clearly when the output is not what the probe prints. */
    public static FileInfo parse(String path, ExecResult result) {
        Map<String, String> fields = new HashMap<>();
        boolean absent = false;
        for (String line : result.stdout().split("\n")) {
            if (line.equals("absent")) {
                absent = true;
                continue;
            }
            int eq = line.indexOf('=');
            if (eq > 0) {
                fields.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        boolean parentIsDir = "dir".equals(fields.get("parent"));
        String stat = fields.get("stat");
        if (absent || stat == null || stat.isBlank()) {
            if (!absent) {
                throw ModuleFailure.of("inspecting " + path, result);
            }
            return FileInfo.absent(parentIsDir);
        }
        String[] f = stat.trim().split(" ");
        if (f.length != 7) {
            throw new ModuleFailure("unexpected stat output for " + path + ": " + stat);
        }
        int raw = Integer.parseInt(f[0], 16);
        FileInfo.Type type = switch (raw & 0170000) {
            case 0100000 -> FileInfo.Type.FILE;
            case 0040000 -> FileInfo.Type.DIRECTORY;
            case 0120000 -> FileInfo.Type.LINK;
            default -> FileInfo.Type.OTHER;
        };
        String sum = fields.get("sum");
        return new FileInfo(true, type, raw & 07777, Integer.parseInt(f[1]), Integer.parseInt(f[2]),
                Long.parseLong(f[3]), Long.parseLong(f[4]), f[5], f[6],
                sum == null || sum.isBlank() ? null : sum, fields.get("link"), parentIsDir);
    }

    /** The directory holding {@code path} ({@code /} for top-level paths, {@code .} for relative names). */
    public static String parentOf(String path) {
        String p = path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        int slash = p.lastIndexOf('/');
        if (slash < 0) {
            return ".";
        }
        return slash == 0 ? "/" : p.substring(0, slash);
    }

    /** The last element of {@code path}. */
    public static String baseName(String path) {
        String p = path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.substring(p.lastIndexOf('/') + 1);
    }
}
