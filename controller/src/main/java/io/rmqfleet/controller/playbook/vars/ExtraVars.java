package io.rmqfleet.controller.playbook.vars;

import io.rmqfleet.controller.input.InputException;
import io.rmqfleet.controller.input.SourceLocation;
import io.rmqfleet.controller.playbook.parse.KeyValueArgs;
import io.rmqfleet.controller.playbook.yaml.YamlLoader;
import io.rmqfleet.controller.playbook.yaml.YamlMap;
import io.rmqfleet.controller.playbook.yaml.YamlNode;
import io.rmqfleet.controller.playbook.yaml.YamlScalar;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code -e} values, as ansible-playbook reads them: {@code @file.yml} / {@code @file.json}, an inline YAML/JSON
 * mapping ({@code '{"a": 1}'}), or {@code k=v} pairs (values are strings). Later {@code -e} win.
 */
public final class ExtraVars {

    private ExtraVars() {
    }

    public static Map<String, Object> parse(List<String> options) {
        Map<String, Object> all = new LinkedHashMap<>();
        for (String option : options) {
            all.putAll(parseOne(option));
        }
        return all;
    }

    static Map<String, Object> parseOne(String option) {
        SourceLocation cli = SourceLocation.commandLine("-e '" + option + "'");
        if (option.startsWith("@")) {
            Path file = Path.of(option.substring(1));
            return mapping(YamlLoader.load(file), "extra vars file " + file);
        }
        String trimmed = option.strip();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            return mapping(YamlLoader.load("-e '" + option + "'", option), "-e value");
        }
        if (trimmed.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> kv;
        try {
            kv = KeyValueArgs.parse(option, false);
        } catch (KeyValueArgs.SplitException e) {
            throw new InputException(cli, e.getMessage());
        }
        if (kv.containsKey("_raw_params")) {
            throw new InputException(cli, "extra vars must be key=value pairs, @FILE or a YAML/JSON mapping, not '"
                + kv.get("_raw_params") + "'");
        }
        return kv;
    }

    private static Map<String, Object> mapping(YamlNode root, String what) {
        if (root instanceof YamlScalar s && s.isNull()) {
            return Map.of();
        }
        if (!(root instanceof YamlMap m)) {
            throw new InputException(root.location(), what + " must be a mapping, not " + root.describe());
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (YamlMap.Entry e : m.entries()) {
            out.put(e.name(), e.value().toPlain());
        }
        return out;
    }
}
