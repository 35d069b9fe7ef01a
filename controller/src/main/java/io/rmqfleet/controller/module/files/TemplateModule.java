package io.rmqfleet.controller.module.files;

import io.rmqfleet.controller.module.ArgSpec;
import io.rmqfleet.controller.module.ModuleArgs;
import io.rmqfleet.controller.module.ModuleContext;
import io.rmqfleet.controller.module.ModuleFailure;
import io.rmqfleet.controller.module.ModuleResult;
import io.rmqfleet.controller.module.TaskModule;
import io.rmqfleet.controller.module.support.FileAttributes;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** {@code template}: renders a controller-side template with the task's variables, then behaves like copy. */
public final class TemplateModule implements TaskModule {
    private static final ArgSpec SPEC = ArgSpec.builder()
            .required("src", "dest")
            .optional("owner", "group", "mode", "force", "validate")
            .build();

    @Override
    public String name() {
        return "template";
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
        String src = args.string("src");
        Path file = ctx.files().template(src);
        String rendered;
        try {
            rendered = ctx.templates().renderFile(file);
        } catch (ModuleFailure e) {
            throw e;
        } catch (RuntimeException e) {
            throw new ModuleFailure("rendering template " + file + ": " + e.getMessage());
        }
        String name = file.getFileName().toString();
        if (name.endsWith(".j2")) {
            name = name.substring(0, name.length() - 3);
        }
        DesiredFile want = new DesiredFile(args.string("dest"), rendered.getBytes(StandardCharsets.UTF_8),
                file.toString(), name, FileAttributes.from(args), args.bool("force", true),
                args.optString("validate").orElse(null));
        return FileSync.ensure(ctx, want);
    }
}
