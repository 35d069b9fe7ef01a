package io.rmqfleet.controller.module.files;

import io.rmqfleet.controller.connection.ExecResult;
import io.rmqfleet.controller.module.ArgSpec;
import io.rmqfleet.controller.module.ModuleArgs;
import io.rmqfleet.controller.module.ModuleContext;
import io.rmqfleet.controller.module.ModuleFailure;
import io.rmqfleet.controller.module.ModuleResult;
import io.rmqfleet.controller.module.TaskModule;
import io.rmqfleet.controller.module.support.FileInfo;
import io.rmqfleet.controller.module.support.FileProbe;
import io.rmqfleet.controller.module.support.Remote;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code stat}: reports a path's state in Ansible's {@code stat} shape; never changes anything. */
public final class StatModule implements TaskModule {
    private static final ArgSpec SPEC = ArgSpec.builder()
            .required("path")
            .alias("dest", "path")
            .alias("name", "path")
            .optional("follow", "get_checksum")
            .choices("checksum_algorithm", "md5", "sha1", "sha224", "sha256", "sha384", "sha512")
            .alias("checksum", "checksum_algorithm")
            .build();

    @Override
    public String name() {
        return "stat";
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
        String algorithm = args.bool("get_checksum", true) ? args.string("checksum_algorithm", "sha1") : null;
        ExecResult r = new Remote(ctx).run(FileProbe.command(path, args.bool("follow", false), algorithm));
        if (!r.ok()) {
            throw ModuleFailure.of("inspecting " + path, r);
        }
        return ModuleResult.okBuilder().put("stat", toMap(path, FileProbe.parse(path, r))).build();
    }

    /** Ansible's stat keys for what the probe found. */
    static Map<String, Object> toMap(String path, FileInfo info) {
        Map<String, Object> stat = new LinkedHashMap<>();
        stat.put("exists", info.exists());
        if (!info.exists()) {
            return stat;
        }
        stat.put("path", path);
        stat.put("isdir", info.type() == FileInfo.Type.DIRECTORY);
        stat.put("isreg", info.type() == FileInfo.Type.FILE);
        stat.put("islnk", info.type() == FileInfo.Type.LINK);
        stat.put("mode", info.modeString());
        stat.put("uid", info.uid());
        stat.put("gid", info.gid());
        stat.put("pw_name", info.owner());
        stat.put("gr_name", info.group());
        stat.put("size", info.size());
        stat.put("mtime", info.mtime());
        if (info.checksum() != null) {
            stat.put("checksum", info.checksum());
        }
        if (info.linkTarget() != null) {
            stat.put("lnk_source", info.linkTarget());
            stat.put("lnk_target", info.linkTarget());
        }
        return stat;
    }
}
