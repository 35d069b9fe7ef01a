package io.rmqfleet.controller.module.files;

import io.rmqfleet.controller.module.ArgSpec;
import io.rmqfleet.controller.module.ModuleArgs;
import io.rmqfleet.controller.module.ModuleContext;
import io.rmqfleet.controller.module.ModuleFailure;
import io.rmqfleet.controller.module.ModuleResult;
import io.rmqfleet.controller.module.TaskModule;
import io.rmqfleet.controller.module.support.FileAttributes;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** {@code copy}: puts a controller file ({@code src}) or literal {@code content} at {@code dest}. */
public final class CopyModule implements TaskModule {
    private static final ArgSpec SPEC = ArgSpec.builder()
            .required("dest")
            .optional("src", "content", "owner", "group", "mode", "force", "validate")
            .mutuallyExclusive("src", "content")
            .requiredOneOf("src", "content")
            .build();

    @Override
    public String name() {
        return "copy";
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
        byte[] content;
        String label;
        String nameInDirectory;
        if (args.has("content")) {
            content = args.string("content").getBytes(StandardCharsets.UTF_8);
            label = "dynamically generated";
            nameInDirectory = null;
        } else {
            String src = args.string("src");
            Path file = ctx.files().file(src);
            if (Files.isDirectory(file)) {
                throw new ModuleFailure("src '" + src + "' is a directory; copy takes one file");
            }
            try {
                content = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new ModuleFailure("cannot read src '" + file + "': " + e.getMessage());
            }
            label = file.toString();
            nameInDirectory = file.getFileName().toString();
        }
        DesiredFile want = new DesiredFile(args.string("dest"), content, label, nameInDirectory,
                FileAttributes.from(args), args.bool("force", true), args.optString("validate").orElse(null));
        return FileSync.ensure(ctx, want);
    }
}
