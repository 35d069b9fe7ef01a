package io.rmqfleet.controller.module;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Renders templates and evaluates expressions with the variables of the current task and host. The playbook's
 * templating engine (Jinja syntax) implements it; the executor puts one into every {@link ModuleContext}.
 */
public interface TemplateRenderer {

    /** Renders a template string, e.g. {@code "brokerIP1={{ ansible_host }}"}. */
    String render(String template);

    /** Renders a template file (the {@code template} module's {@code src}). */
    default String renderFile(Path templateFile) {
        try {
            return render(Files.readString(templateFile, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Evaluates a bare expression (no braces), e.g. {@code groups['broker'] | length}, to its value. */
    Object evaluate(String expression);

    /** Evaluates a condition the way {@code when:} and {@code assert: that:} do. */
    boolean isTrue(String condition);
}
