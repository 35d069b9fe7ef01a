package io.rmqfleet.controller.playbook.parse;

import io.rmqfleet.controller.input.InputException;
import io.rmqfleet.controller.playbook.model.ArgsKeys;
import io.rmqfleet.controller.playbook.yaml.YamlMap;
import io.rmqfleet.controller.playbook.yaml.YamlNode;
import io.rmqfleet.controller.playbook.yaml.YamlScalar;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Normalises a module's arguments from every form Ansible accepts (mapping, inline {@code k=v}, free-form text,
 * plus the {@code args:} keyword, which has lower priority) and checks what can be checked without running:
 * free-form text only where a module takes it, {@code meta} actions, include/import file names, fact names.
 */
final class ModuleArgs {

    /** {@code meta:} actions the executor implements. */
    static final Set<String> META_ACTIONS = Set.of("flush_handlers", "noop", "end_play", "end_host");

    private ModuleArgs() {
    }

    static Map<String, Object> normalize(String module, YamlMap.Entry moduleEntry, YamlNode argsKeyword,
                                         ModuleCatalog catalog) {
        Map<String, Object> args = new LinkedHashMap<>();
        if (argsKeyword != null && !(argsKeyword instanceof YamlScalar s && s.isNull())) {
            args.putAll(Fields.varsMap(argsKeyword, "'args'"));
        }
        YamlNode value = moduleEntry.value();
        if (value instanceof YamlMap m) {
            for (YamlMap.Entry e : m.entries()) {
                args.put(e.name(), e.value().toPlain());
            }
        } else if (value instanceof YamlScalar s) {
            if (!s.isNull()) {
                args.putAll(inline(module, s, catalog));
            }
        } else {
            throw Fields.error(value, "arguments of '" + moduleEntry.name() + "' must be a mapping or a string, not "
                + value.describe());
        }
        check(module, args, moduleEntry);
        return args;
    }

    private static Map<String, Object> inline(String module, YamlScalar text, ModuleCatalog catalog) {
        boolean freeForm = catalog.isFreeForm(module);
        Map<String, Object> parsed;
        try {
            parsed = switch (module) {
                // The whole text is the argument: a file name or a meta action, never k=v pairs.
                case "meta" -> Map.of(ArgsKeys.RAW_PARAMS, text.text().trim());
                case "include_tasks", "import_tasks" -> fileArgs(text.text());
                default -> KeyValueArgs.parse(text.text(), freeForm);
            };
        } catch (KeyValueArgs.SplitException e) {
            throw new InputException(text.location(), e.getMessage());
        }
        if (!freeForm && parsed.containsKey(ArgsKeys.RAW_PARAMS)) {
            throw new InputException(text.location(), "module '" + module + "' takes key=value arguments, not free-form"
                + " text: '" + parsed.get(ArgsKeys.RAW_PARAMS) + "'");
        }
        return new LinkedHashMap<>(parsed);
    }

    private static Map<String, Object> fileArgs(String text) throws KeyValueArgs.SplitException {
        Map<String, Object> kv = KeyValueArgs.parse(text, false);
        Map<String, Object> out = new LinkedHashMap<>(kv);
        Object raw = out.remove(ArgsKeys.RAW_PARAMS);
        if (raw != null) {
            out.put(ArgsKeys.FILE, raw);
        }
        return out;
    }

    private static void check(String module, Map<String, Object> args, YamlMap.Entry at) {
        switch (module) {
            case "command", "shell" -> {
                Object cmd = args.get(ArgsKeys.RAW_PARAMS);
                if (cmd == null) {
                    cmd = args.get("cmd");
                }
                if (cmd == null && !args.containsKey("argv")) {
                    throw Fields.error(at.key(), "module '" + module + "' needs a command");
                }
            }
            case "meta" -> {
                Object action = args.get(ArgsKeys.RAW_PARAMS);
                if (!(action instanceof String a) || !META_ACTIONS.contains(a)) {
                    throw Fields.error(at.value(), "meta: unsupported action '" + action + "' (supported: "
                        + String.join(", ", new java.util.TreeSet<>(META_ACTIONS)) + ")");
                }
                if (args.size() > 1) {
                    throw Fields.error(at.value(), "meta takes only its action");
                }
            }
            case "include_tasks", "import_tasks" -> {
                Object file = args.get(ArgsKeys.FILE);
                if (!(file instanceof String f) || f.isBlank()) {
                    throw Fields.error(at.value(), module + " needs a file name");
                }
                for (String key : args.keySet()) {
                    if (!key.equals(ArgsKeys.FILE)) {
                        throw Fields.error(at.value(), module + ": unsupported option '" + key + "' (only 'file')");
                    }
                }
            }
            case "set_fact" -> {
                if (args.isEmpty()) {
                    throw Fields.error(at.key(), "set_fact needs at least one variable");
                }
                for (String key : args.keySet()) {
                    if (!key.equals("cacheable") && !Fields.isIdentifier(key)) {
                        throw Fields.error(at.value(), "set_fact: invalid variable name '" + key + "'");
                    }
                }
            }
            default -> {
                // Other modules validate their own options when the executor runs them.
            }
        }
    }
}
