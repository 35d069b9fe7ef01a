package io.rmqfleet.controller.playbook.template;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;

/**
 * Stands for an undefined variable or a missing key while a template is rendered (jinjava only knows null, which
 * Ansible uses for a defined None). Using it anywhere leaves it pending in the {@link RenderSession}, which fails
 * the render; {@code default}, {@code mandatory} and the {@code defined}/{@code undefined} tests consume it.
 * Attribute access on it yields itself, so {@code foo.bar | default(1)} works as in Ansible.
 */
public final class Undefined {

    private final String description;
    private final String variable;

    Undefined(String description, String variable) {
        this.description = description;
        this.variable = variable;
    }

    /** An undefined value that is not tracked (for tests applied to missing attributes inside filters). */
    public static Undefined detached(String variable) {
        return new Undefined("'" + variable + "' is undefined", variable);
    }

    /** "'x' is undefined" or "'dict object' has no attribute 'y'". */
    public String description() {
        return description;
    }

    /** The variable (or attribute) that was missing. */
    public String variable() {
        return variable;
    }

    /** Marks this undefined value as handled by a filter or test of the current render. */
    public static void consume(Object value, JinjavaInterpreter interpreter) {
        if (value instanceof Undefined u) {
            RenderSession session = RenderSession.of(interpreter);
            if (session != null) {
                session.consume(u);
            }
        }
    }

    /** Empty, like Jinja's Undefined when printed; the render fails anyway because it is still pending. */
    @Override
    public String toString() {
        return "";
    }
}
