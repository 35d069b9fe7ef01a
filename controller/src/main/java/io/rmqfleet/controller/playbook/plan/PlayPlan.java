package io.rmqfleet.controller.playbook.plan;

import io.rmqfleet.controller.playbook.model.Block;
import io.rmqfleet.controller.playbook.model.Play;
import io.rmqfleet.controller.playbook.model.Task;
import io.rmqfleet.controller.playbook.model.TaskNode;
import io.rmqfleet.controller.playbook.template.Templar;
import io.rmqfleet.controller.playbook.vars.InventoryView;
import io.rmqfleet.controller.playbook.vars.PlayVars;
import io.rmqfleet.controller.playbook.vars.RuntimeVars;
import io.rmqfleet.controller.playbook.vars.VarsResolver;
import java.util.ArrayList;
import java.util.List;

/**
 * One play ready to run: its hosts (pattern and {@code --limit} applied), their serial batches, the tasks that
 * pass the tag selection in order (pre_tasks, roles, tasks, post_tasks, with Ansible's implicit
 * {@code flush_handlers} between the sections; blocks keep their rescue/always structure) and all handlers.
 *
 * @param number  1-based position in the playbook (after import_playbook expansion)
 * @param name    display name: the play name templated with play and extra vars, or its host patterns
 */
public record PlayPlan(
    int number,
    String name,
    Play play,
    List<String> hostPatterns,
    List<String> hosts,
    List<List<String>> batches,
    List<TaskNode> tasks,
    List<Task> handlers,
    PlayVars vars,
    InventoryView inventory,
    Templar templar,
    boolean checkMode) {

    public PlayPlan {
        hostPatterns = List.copyOf(hostPatterns);
        hosts = List.copyOf(hosts);
        batches = batches.stream().map(List::copyOf).toList();
        tasks = List.copyOf(tasks);
        handlers = List.copyOf(handlers);
    }

    /** Variables of this play for the executor, reading run-time facts and registered values from {@code runtime}. */
    public VarsResolver varsResolver(RuntimeVars runtime) {
        return new VarsResolver(inventory, vars, runtime, templar, hosts, checkMode);
    }

    public boolean gatherFacts() {
        return play.gatherFacts();
    }

    /** Every task in run order with blocks opened ({@code block} then {@code rescue} then {@code always}). */
    public List<Task> flatTasks() {
        List<Task> out = new ArrayList<>();
        flatten(tasks, out, true);
        return out;
    }

    /** The tasks a run without failures goes through ({@code rescue} left out), as --list-tasks shows them. */
    public List<Task> normalPathTasks() {
        List<Task> out = new ArrayList<>();
        flatten(tasks, out, false);
        return out;
    }

    private static void flatten(List<TaskNode> nodes, List<Task> out, boolean withRescueAndAlways) {
        for (TaskNode n : nodes) {
            if (n instanceof Task t) {
                out.add(t);
            } else if (n instanceof Block b) {
                flatten(b.block(), out, withRescueAndAlways);
                if (withRescueAndAlways) {
                    flatten(b.rescue(), out, true);
                    flatten(b.always(), out, true);
                }
            }
        }
    }
}
