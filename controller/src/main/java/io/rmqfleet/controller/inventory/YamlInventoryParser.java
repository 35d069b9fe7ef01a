package io.rmqfleet.controller.inventory;

import io.rmqfleet.controller.input.InputException;
import io.rmqfleet.controller.input.SourceLocation;

/**
 * Ansible's YAML (and JSON) inventory format (plugins/inventory/yaml.py): top-level keys are groups, each with
 * optional {@code hosts}, {@code vars} and {@code children} (recursively groups). As in Ansible a section may be a
 * single string, a group or key that is not a mapping is skipped with a warning, and host entries may be ranges.
 */
final class YamlInventoryParser {
    private final InventoryBuilder inventory;

    private YamlInventoryParser(InventoryBuilder inventory) {
        this.inventory = inventory;
    }

    /** Checks Ansible's yaml plugin applies before parsing; a failure means "not a YAML inventory". */
    static void requireInventoryShape(DataNode data, String file) {
        if (data == null || !data.isTruthy()) {
            throw new InputException(data == null ? new SourceLocation(file, 1, 1) : data.location(), "Parsed empty YAML file");
        }
        if (!(data instanceof DataNode.Mapping map)) {
            throw new InputException(data.location(),
                "YAML inventory has invalid structure, it should be a dictionary, got: " + typeName(data));
        }
        var plugin = map.get("plugin");
        if (plugin.isPresent() && plugin.get().isTruthy()) {
            throw new InputException(plugin.get().location(),
                "Plugin configuration YAML file, not YAML inventory (inventory plugins are not supported)");
        }
    }

    static void parse(InventoryBuilder inventory, DataNode data, String file) {
        requireInventoryShape(data, file);
        YamlInventoryParser parser = new YamlInventoryParser(inventory);
        for (DataNode.Entry entry : ((DataNode.Mapping) data).entries()) {
            parser.parseGroup(entry.key(), entry.value());
        }
    }

    private String parseGroup(DataNode keyNode, DataNode groupData) {
        Object key = keyNode.toValue();
        if (!(groupData instanceof DataNode.Mapping) && !isNull(groupData)) {
            inventory.warnings.accept("Skipping '" + PythonRepr.str(key) + "' as this is not a valid group definition");
            return key instanceof String s ? s : PythonRepr.str(key);
        }
        if (!(key instanceof String group)) {
            throw new InputException(keyNode.location(), "Unable to add group " + PythonRepr.str(key)
                + ": Invalid group name supplied, expected a string but got " + typeName(keyNode) + " for " + PythonRepr.str(key));
        }
        try {
            inventory.addGroup(group);
        } catch (IllegalArgumentException e) {
            throw new InputException(keyNode.location(), "Unable to add group " + group + ": " + e.getMessage());
        }
        if (isNull(groupData)) {
            return group;
        }
        DataNode.Mapping sections = (DataNode.Mapping) groupData;
        for (DataNode.Entry entry : sections.entries()) {
            Object sectionKey = entry.key().toValue();
            DataNode section = entry.value();
            boolean known = "vars".equals(sectionKey) || "children".equals(sectionKey) || "hosts".equals(sectionKey);
            if (known && section instanceof DataNode.Scalar s && s.value() instanceof CharSequence text) {
                // "hosts: web1" means {web1: null}
                section = new DataNode.Mapping(s.location(), java.util.List.of(new DataNode.Entry(
                    new DataNode.Scalar(s.location(), text.toString()), new DataNode.Scalar(s.location(), null))));
            }
            if (known && !(section instanceof DataNode.Mapping) && !isNull(section)) {
                throw new InputException(section.location(), "Invalid \"" + sectionKey + "\" entry for \"" + group
                    + "\" group, requires a dictionary, found \"" + typeName(section) + "\" instead.");
            }
            if (!(section instanceof DataNode.Mapping) && !isNull(section)) {
                inventory.warnings.accept("Skipping key (" + PythonRepr.str(sectionKey) + ") in group (" + group
                    + ") as it is not a mapping, it is a " + typeName(section));
                continue;
            }
            if (isNull(section)) {
                continue;
            }
            DataNode.Mapping body = (DataNode.Mapping) section;
            if ("vars".equals(sectionKey)) {
                for (DataNode.Entry var : body.entries()) {
                    setGroupVariable(group, var);
                }
            } else if ("children".equals(sectionKey)) {
                for (DataNode.Entry child : body.entries()) {
                    String childName = parseGroup(child.key(), child.value());
                    try {
                        inventory.addChild(group, childName);
                    } catch (IllegalArgumentException e) {
                        throw new InputException(child.key().location(), e.getMessage());
                    }
                }
            } else if ("hosts".equals(sectionKey)) {
                for (DataNode.Entry host : body.entries()) {
                    addHosts(group, host);
                }
            } else {
                inventory.warnings.accept("Skipping unexpected key (" + PythonRepr.str(sectionKey) + ") in group (" + group
                    + "), only \"vars\", \"children\" and \"hosts\" are valid");
            }
        }
        return group;
    }

    private void setGroupVariable(String group, DataNode.Entry var) {
        try {
            inventory.setGroupVariable(group, DataNode.jsonKey(var.key().toValue()), var.value().toValue());
        } catch (IllegalArgumentException e) {
            throw new InputException(var.value().location(), e.getMessage());
        }
    }

    private void addHosts(String group, DataNode.Entry host) {
        Object pattern = host.key().toValue();
        if (!(pattern instanceof CharSequence)) {
            throw new InputException(host.key().location(), "Host pattern " + PythonRepr.str(pattern)
                + " must be a string. Enclose integers/floats in quotation marks.");
        }
        HostPatternExpander.Expansion expansion;
        try {
            expansion = HostPatternExpander.expand(pattern.toString());
        } catch (IllegalArgumentException e) {
            throw new InputException(host.key().location(), "Invalid host pattern '" + pattern + "': " + e.getMessage());
        }
        DataNode vars = host.value();
        if (vars.isTruthy() && !(vars instanceof DataNode.Mapping)) {
            throw new InputException(vars.location(), "Invalid data from file, expected dictionary and got: "
                + PythonRepr.str(vars.toValue()));
        }
        try {
            for (String name : expansion.hostNames()) {
                inventory.addHost(name, group, expansion.port());
                if (vars instanceof DataNode.Mapping map) {
                    for (DataNode.Entry var : map.entries()) {
                        inventory.setHostVariable(name, DataNode.jsonKey(var.key().toValue()), var.value().toValue());
                    }
                }
            }
        } catch (IllegalArgumentException e) {
            throw new InputException(host.key().location(), e.getMessage());
        }
    }

    private static boolean isNull(DataNode node) {
        return node instanceof DataNode.Scalar s && s.value() == null;
    }

    /** The Python type name Ansible's messages show. */
    static String typeName(DataNode node) {
        if (node instanceof DataNode.Mapping) {
            return "<class 'dict'>";
        }
        if (node instanceof DataNode.Sequence) {
            return "<class 'list'>";
        }
        Object v = node.toValue();
        String type = v == null ? "NoneType" : v instanceof Boolean ? "bool" : v instanceof Double ? "float"
            : v instanceof Number ? "int" : v instanceof CharSequence ? "str" : v.getClass().getSimpleName();
        return "<class '" + type + "'>";
    }
}
