package io.rmqfleet.controller.executor;

import io.rmqfleet.controller.playbook.model.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code notify:} bookkeeping of one play batch: which handlers each host has pending. A notification names a
 * handler (also as {@code role : name}) or a {@code listen:} topic; a changed task notifies, a handler runs once
 * per host at the next flush however often it was notified, and handlers run in the order they are defined.
 */
final class HandlerNotifications {
    private final List<Task> handlers;
    private final Map<String, Set<Integer>> pending = new ConcurrentHashMap<>();

    HandlerNotifications(List<Task> handlers) {
        this.handlers = List.copyOf(handlers);
    }

    List<Task> handlers() {
        return handlers;
    }

    /**
     * Records that {@code host} notified {@code name}; returns false when no handler answers to that name
     * (Ansible fails the run for it).
     */
    boolean notify(String host, String name) {
        List<Integer> matching = new ArrayList<>();
        for (int i = 0; i < handlers.size(); i++) {
            if (handlers.get(i).handlerAliases().contains(name)) {
                matching.add(i);
            }
        }
        if (matching.isEmpty()) {
            return false;
        }
        pending.computeIfAbsent(host, h -> ConcurrentHashMap.newKeySet()).addAll(matching);
        return true;
    }

    /** The hosts among {@code hosts} that have handler number {@code index} pending, in the given order. */
    List<String> notifiedHosts(int index, List<String> hosts) {
        return hosts.stream().filter(h -> pending.getOrDefault(h, Set.of()).contains(index)).toList();
    }

    /** Takes handler {@code index} off the hosts' lists (it is about to run for them). */
    void clear(int index, List<String> hosts) {
        for (String host : hosts) {
            Set<Integer> set = pending.get(host);
            if (set != null) {
                set.remove(index);
            }
        }
    }
}
