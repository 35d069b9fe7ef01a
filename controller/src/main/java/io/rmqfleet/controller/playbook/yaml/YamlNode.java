package io.rmqfleet.controller.playbook.yaml;

import io.rmqfleet.controller.input.SourceLocation;

/**
 * A YAML value that remembers where it was written, so every playbook error can say {@code file:line:col}.
 */
public sealed interface YamlNode permits YamlMap, YamlList, YamlScalar {

    SourceLocation location();

    /** Plain Java value: LinkedHashMap, ArrayList, String, Integer/Long/BigInteger, Double, Boolean or null. */
    Object toPlain();

    /** What the operator would call it in an error message: "a mapping", "a list", "a string", ... */
    String describe();
}
