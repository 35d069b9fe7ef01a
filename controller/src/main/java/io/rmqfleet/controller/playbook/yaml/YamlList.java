package io.rmqfleet.controller.playbook.yaml;

import io.rmqfleet.controller.input.SourceLocation;
import java.util.ArrayList;
import java.util.List;

/** A YAML sequence. */
public record YamlList(List<YamlNode> items, SourceLocation location) implements YamlNode {

    public YamlList {
        items = List.copyOf(items);
    }

    @Override
    public Object toPlain() {
        List<Object> out = new ArrayList<>(items.size());
        for (YamlNode item : items) {
            out.add(item.toPlain());
        }
        return out;
    }

    @Override
    public String describe() {
        return "a list";
    }
}
