package io.rmqfleet.controller.state.store;

import java.util.List;

/** One page of a longer list: the items plus the total, so a client knows whether to ask for more. */
public record Page<T>(List<T> items, long total, int limit, long offset) {
    public Page {
        items = List.copyOf(items);
    }
}
