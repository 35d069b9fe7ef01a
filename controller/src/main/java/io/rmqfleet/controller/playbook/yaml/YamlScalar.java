package io.rmqfleet.controller.playbook.yaml;

import io.rmqfleet.controller.input.SourceLocation;

/** A scalar already resolved to its YAML 1.1 type (as PyYAML/Ansible would: {@code yes} is a boolean). */
public record YamlScalar(Object value, SourceLocation location) implements YamlNode {

    @Override
    public Object toPlain() {
        return value;
    }

    public boolean isNull() {
        return value == null;
    }

    public boolean isString() {
        return value instanceof String;
    }

    /** The scalar as text, the way Ansible's templar would see it ({@code null} stays {@code null}). */
    public String text() {
        return value == null ? null : String.valueOf(value);
    }

    @Override
    public String describe() {
        if (value == null) {
            return "null";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof Double) {
            return "a float";
        }
        return "an integer";
    }
}
