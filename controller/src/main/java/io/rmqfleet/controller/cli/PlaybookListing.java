package io.rmqfleet.controller.cli;

import io.rmqfleet.controller.playbook.model.Task;
import io.rmqfleet.controller.playbook.plan.Plan;
import io.rmqfleet.controller.playbook.plan.PlayPlan;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * {@code --list-hosts}, {@code --list-tasks} and {@code --list-tags} in ansible-playbook's exact layout
 * (lib/ansible/cli/playbook.py), except that hosts come in inventory order where Ansible prints a Python set.
 */
final class PlaybookListing {

    private PlaybookListing() {
    }

    static String render(String playbookArg, Plan plan, boolean hosts, boolean tasks, boolean tags) {
        StringBuilder out = new StringBuilder();
        out.append("\nplaybook: ").append(playbookArg).append('\n');
        for (PlayPlan play : plan.plays()) {
            Set<String> playTags = new TreeSet<>(play.play().tags());
            out.append("\n  play #").append(play.number()).append(" (").append(String.join(",", play.hostPatterns()))
                .append("): ").append(play.name()).append("\tTAGS: [").append(String.join(",", playTags)).append(']');
            if (hosts) {
                out.append("\n    pattern: ").append(pyList(play.hostPatterns()))
                    .append("\n    hosts (").append(play.hosts().size()).append("):");
                for (String h : play.hosts()) {
                    out.append("\n      ").append(h);
                }
            }
            out.append('\n');
            if (tasks || tags) {
                out.append(taskSection(play, playTags, tasks, tags));
            }
        }
        return out.toString();
    }

    private static String taskSection(PlayPlan play, Set<String> playTags, boolean tasks, boolean tags) {
        StringBuilder out = new StringBuilder();
        if (tasks) {
            out.append("    tasks:\n");
        }
        Set<String> allTags = new TreeSet<>(playTags);
        for (Task t : play.normalPathTasks()) {
            if (t.implicit()) {
                continue;
            }
            allTags.addAll(t.tags());
            if (tasks) {
                Set<String> shown = new TreeSet<>(playTags);
                shown.addAll(t.tags());
                out.append("      ").append(t.displayName()).append("\tTAGS: [")
                    .append(String.join(", ", shown)).append("]\n");
            }
        }
        if (tags) {
            out.append("      TASK TAGS: [").append(String.join(", ", allTags)).append("]\n");
        }
        return out.toString();
    }

    /** Python's repr of a list of strings: {@code ['a', 'b']}. */
    private static String pyList(List<String> items) {
        return items.stream().map(s -> "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'")
            .collect(Collectors.joining(", ", "[", "]"));
    }
}
