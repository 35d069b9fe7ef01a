package io.rmqfleet.controller.playbook.model;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code serial:} as a list of steps, each a host count or a percentage of the play's hosts; the last step repeats
 * until every host had its batch. An empty list means one batch with all hosts.
 */
public record Serial(List<Step> steps) {

    public static final Serial ALL = new Serial(List.of());

    public Serial {
        steps = List.copyOf(steps);
    }

    /** One step: {@code 2} or {@code "30%"}. */
    public record Step(int value, boolean percent) {
        /** Ansible's {@code pct_to_int}: a percentage rounds down but never below one host. */
        public int size(int hostCount) {
            if (!percent) {
                return value;
            }
            int n = (int) ((value / 100.0) * hostCount);
            return n == 0 ? 1 : n;
        }

        @Override
        public String toString() {
            return percent ? value + "%" : Integer.toString(value);
        }
    }

    /** Splits hosts into batches exactly as ansible-playbook's {@code _get_serialized_batches}. */
    public <T> List<List<T>> batches(List<T> hosts) {
        List<List<T>> out = new ArrayList<>();
        List<T> remaining = new ArrayList<>(hosts);
        int total = hosts.size();
        int index = 0;
        while (!remaining.isEmpty()) {
            int size = steps.isEmpty() ? -1 : steps.get(index).size(total);
            if (size <= 0) {
                out.add(List.copyOf(remaining));
                break;
            }
            int take = Math.min(size, remaining.size());
            out.add(List.copyOf(remaining.subList(0, take)));
            remaining.subList(0, take).clear();
            index = Math.min(index + 1, Math.max(0, steps.size() - 1));
        }
        return out;
    }
}
