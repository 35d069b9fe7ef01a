package io.rmqfleet.controller.playbook.template.filters;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.filter.Filter;
import io.rmqfleet.controller.input.InputException;
import io.rmqfleet.controller.playbook.template.Natives;
import io.rmqfleet.controller.playbook.template.PyStr;
import io.rmqfleet.controller.playbook.template.TemplateError;
import io.rmqfleet.controller.playbook.yaml.YamlLoader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON/YAML conversion and dictionary filters. */
final class DataFilters {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DataFilters() {
    }

    static List<Filter> all() {
        return List.of(new ToJson("to_json", null, false), new ToJson("to_nice_json", 4, true),
            new ToYaml("to_yaml", true, 2), new ToYaml("to_nice_yaml", false, 4), new FromJson(), new FromYaml(),
            new Combine(), new DictToItems(), new ItemsToDict());
    }

    /** {@code to_json(indent=None, sort_keys=False)} and {@code to_nice_json(indent=4)} as Python's json. */
    static final class ToJson extends AnsibleFilter {
        private final Integer indent;
        private final boolean sortKeys;

        ToJson(String name, Integer indent, boolean sortKeys) {
            super(name);
            this.indent = indent;
            this.sortKeys = sortKeys;
        }

        @Override
        protected Object apply(Object value, Args args, JinjavaInterpreter interpreter) {
            Object ind = args.get(-1, "indent", indent);
            boolean sort = args.bool(-1, "sort_keys", sortKeys);
            boolean ascii = args.bool(-1, "ensure_ascii", true);
            return PyJson.dumps(value, ind == null ? null : ((Number) ind).intValue(), sort, ascii);
        }
    }

    /** {@code to_yaml} / {@code to_nice_yaml(indent=4)}. */
    static final class ToYaml extends AnsibleFilter {
        private final boolean flowLeaves;
        private final int indent;

        ToYaml(String name, boolean flowLeaves, int indent) {
            super(name);
            this.flowLeaves = flowLeaves;
            this.indent = indent;
        }

        @Override
        protected Object apply(Object value, Args args, JinjavaInterpreter interpreter) {
            int ind = ((Number) args.get(-1, "indent", indent)).intValue();
            if (ind < 2 || ind > 9) {
                throw misuse("indent must be between 2 and 9");
            }
            return PyYaml.dump(value, flowLeaves, ind);
        }
    }

    static final class FromJson extends AnsibleFilter {
        FromJson() {
            super("from_json");
        }

        @Override
        protected Object apply(Object value, Args args, JinjavaInterpreter interpreter) {
            try {
                return Natives.plain(JSON.readValue(PyStr.str(value), Object.class));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw misuse("invalid JSON: " + e.getOriginalMessage());
            }
        }
    }

    static final class FromYaml extends AnsibleFilter {
        FromYaml() {
            super("from_yaml");
        }

        @Override
        protected Object apply(Object value, Args args, JinjavaInterpreter interpreter) {
            try {
                return YamlLoader.load("<from_yaml>", PyStr.str(value)).toPlain();
            } catch (InputException e) {
                throw misuse("invalid YAML: " + e.getMessage());
            }
        }
    }

    /** {@code combine(*dicts, recursive=False, list_merge='replace')}. */
    static final class Combine extends AnsibleFilter {
        Combine() {
            super("combine");
        }

        @Override
        protected Object apply(Object value, Args args, JinjavaInterpreter interpreter) {
            boolean recursive = args.bool(-1, "recursive", false);
            String listMerge = args.string(-1, "list_merge", "replace");
            if (!List.of("replace", "keep", "append", "prepend").contains(listMerge)) {
                throw misuse("unsupported list_merge '" + listMerge + "'");
            }
            List<Object> dicts = new ArrayList<>();
            dicts.add(value);
            for (Object o : args.positional()) {
                if (o instanceof List<?> l) {
                    dicts.addAll(l);
                } else {
                    dicts.add(o);
                }
            }
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Object d : dicts) {
                if (!(d instanceof Map<?, ?> m)) {
                    throw misuse("expected dictionaries, got " + PyStr.repr(d));
                }
                merge(out, m, recursive, listMerge);
            }
            return out;
        }

        @SuppressWarnings("unchecked")
        private static void merge(Map<Object, Object> into, Map<?, ?> from, boolean recursive, String listMerge) {
            for (Map.Entry<?, ?> e : from.entrySet()) {
                Object old = into.get(e.getKey());
                Object nu = e.getValue();
                if (recursive && old instanceof Map<?, ?> om && nu instanceof Map<?, ?> nm) {
                    Map<Object, Object> merged = new LinkedHashMap<>((Map<Object, Object>) om);
                    merge(merged, nm, true, listMerge);
                    into.put(e.getKey(), merged);
                } else if (old instanceof List<?> ol && nu instanceof List<?> nl && !listMerge.equals("replace")) {
                    List<Object> merged = new ArrayList<>();
                    switch (listMerge) {
                        case "keep" -> merged.addAll(ol);
                        case "append" -> {
                            merged.addAll(ol);
                            merged.addAll(nl);
                        }
                        default -> {
                            merged.addAll(nl);
                            merged.addAll(ol);
                        }
                    }
                    into.put(e.getKey(), merged);
                } else {
                    into.put(e.getKey(), nu);
                }
            }
        }
    }

    /** {@code dict2items(key_name='key', value_name='value')}. */
    static final class DictToItems extends AnsibleFilter {
        DictToItems() {
            super("dict2items");
        }

        @Override
        protected Object apply(Object value, Args args, JinjavaInterpreter interpreter) {
            if (!(value instanceof Map<?, ?> m)) {
                throw misuse("dict2items requires a dictionary, got " + PyStr.repr(value));
            }
            String k = args.string(0, "key_name", "key");
            String v = args.string(1, "value_name", "value");
            List<Object> out = new ArrayList<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Map<String, Object> item = new LinkedHashMap<>();
                item.put(k, e.getKey());
                item.put(v, e.getValue());
                out.add(item);
            }
            return out;
        }
    }

    /** {@code items2dict(key_name='key', value_name='value')}. */
    static final class ItemsToDict extends AnsibleFilter {
        ItemsToDict() {
            super("items2dict");
        }

        @Override
        protected Object apply(Object value, Args args, JinjavaInterpreter interpreter) {
            String k = args.string(0, "key_name", "key");
            String v = args.string(1, "value_name", "value");
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Object item : Values.iterate(value, "items2dict")) {
                if (!(item instanceof Map<?, ?> m) || !m.containsKey(k) || !m.containsKey(v)) {
                    throw new TemplateError("items2dict: each item needs '" + k + "' and '" + v + "'", null);
                }
                out.put(m.get(k), m.get(v));
            }
            return out;
        }
    }
}
