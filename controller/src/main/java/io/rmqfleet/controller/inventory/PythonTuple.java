package io.rmqfleet.controller.inventory;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

/** A Python tuple from an INI value such as {@code x=(1,2)}: a list in JSON, but {@code (1, 2)} in graph output. */
public final class PythonTuple extends AbstractList<Object> {
    private final List<Object> items;

    PythonTuple(List<Object> items) {
        this.items = new ArrayList<>(items);
    }

    @Override
    public Object get(int index) {
        return items.get(index);
    }

    @Override
    public int size() {
        return items.size();
    }
}
