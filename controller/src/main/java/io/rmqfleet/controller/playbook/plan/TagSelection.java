package io.rmqfleet.controller.playbook.plan;

import io.rmqfleet.controller.playbook.model.Block;
import io.rmqfleet.controller.playbook.model.Task;
import io.rmqfleet.controller.playbook.model.TaskNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code --tags} / {@code --skip-tags}, evaluated exactly like Ansible's {@code Taggable.evaluate_tags}: a task
 * tagged {@code always} runs unless {@code always} is skipped, one tagged {@code never} runs only when one of its
 * tags is asked for, and the special {@code all}, {@code tagged} and {@code untagged} are understood.
 */
public record TagSelection(Set<String> only, Set<String> skip) {

    public static final TagSelection ALL = new TagSelection(Set.of("all"), Set.of());
    private static final Set<String> UNTAGGED = Set.of("untagged");

    public TagSelection {
        only = only == null || only.isEmpty() ? Set.of("all") : Set.copyOf(only);
        skip = skip == null ? Set.of() : Set.copyOf(skip);
    }

    public boolean selects(Set<String> taskTags) {
        Set<String> tags = taskTags.isEmpty() ? UNTAGGED : taskTags;
        boolean run;
        if (tags.contains("always")) {
            run = true;
        } else if (only.contains("all") && !tags.contains("never")) {
            run = true;
        } else if (intersects(tags, only)) {
            run = true;
        } else {
            run = only.contains("tagged") && !tags.equals(UNTAGGED) && !tags.contains("never");
        }
        if (run && !skip.isEmpty()) {
            if (skip.contains("all")) {
                if (!tags.contains("always") || skip.contains("always")) {
                    run = false;
                }
            } else if (intersects(tags, skip)) {
                run = false;
            } else if (skip.contains("tagged") && !tags.equals(UNTAGGED)) {
                run = false;
            }
        }
        return run;
    }

    /**
     * The tasks this selection runs, blocks kept as structure (a block stays if anything in it is selected). The
     * executor applies this to the tasks of an {@code include_tasks} too.
     */
    public List<TaskNode> filter(List<TaskNode> nodes) {
        List<TaskNode> out = new ArrayList<>();
        for (TaskNode n : nodes) {
            if (n instanceof Task t) {
                if (selects(t.tags())) {
                    out.add(t);
                }
            } else if (n instanceof Block b) {
                Block kept = b.withChildren(filter(b.block()), filter(b.rescue()), filter(b.always()));
                if (!kept.isEmpty()) {
                    out.add(kept);
                }
            }
        }
        return out;
    }

    private static boolean intersects(Set<String> a, Set<String> b) {
        for (String x : a) {
            if (b.contains(x)) {
                return true;
            }
        }
        return false;
    }
}
