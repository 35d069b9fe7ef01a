package io.rmqfleet.controller.module;

import io.rmqfleet.controller.playbook.template.Templar;
import io.rmqfleet.controller.playbook.template.Vars;

/** The playbook's Jinja engine ({@link Templar}) with one task's variables, as modules see templates. */
public final class TemplarRenderer implements TemplateRenderer {
    private final Templar templar;
    private final Vars vars;

    public TemplarRenderer(Templar templar, Vars vars) {
        this.templar = templar;
        this.vars = vars;
    }

    @Override
    public String render(String template) {
        return templar.render(template, vars);
    }

    @Override
    public Object evaluate(String expression) {
        return templar.evaluate(expression, vars);
    }

    @Override
    public boolean isTrue(String condition) {
        return templar.condition(condition, vars);
    }
}
