package io.rmqfleet.controller.executor;

import io.rmqfleet.controller.module.ModuleFailure;
import io.rmqfleet.controller.module.TemplateRenderer;
import io.rmqfleet.controller.playbook.template.Templar;
import io.rmqfleet.controller.playbook.template.TemplateError;
import io.rmqfleet.controller.playbook.template.Vars;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The modules' template engine for one task on one host: the playbook's {@link Templar} with that task's
 * variables. Template errors become task failures that name the template file.
 */
final class TemplarRenderer implements TemplateRenderer {
    private final Templar templar;
    private final Vars vars;

    TemplarRenderer(Templar templar, Vars vars) {
        this.templar = templar;
        this.vars = vars;
    }

    @Override
    public String render(String template) {
        try {
            return templar.render(template, vars);
        } catch (TemplateError e) {
            throw new ModuleFailure("template error while templating string: " + e.getMessage());
        }
    }

    @Override
    public String renderFile(Path templateFile) {
        String text;
        try {
            text = Files.readString(templateFile, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ModuleFailure("cannot read template " + templateFile + ": " + e.getMessage());
        }
        try {
            return templar.render(text, vars);
        } catch (TemplateError e) {
            throw new ModuleFailure(templateFile + ": " + e.getMessage());
        }
    }

    @Override
    public Object evaluate(String expression) {
        try {
            return templar.evaluate(expression, vars);
        } catch (TemplateError e) {
            throw new ModuleFailure(e.getMessage());
        }
    }

    @Override
    public boolean isTrue(String condition) {
        try {
            return templar.condition(condition, vars);
        } catch (TemplateError e) {
            throw new ModuleFailure(e.getMessage());
        }
    }
}
