package io.rmqfleet.controller.playbook.model;

import io.rmqfleet.controller.input.SourceLocation;
import java.util.List;
import java.util.Set;

/**
 * A {@code block:} with optional {@code rescue:} and {@code always:}. Keywords written on the block (when, tags,
 * vars, become, ...) are already pushed down into every task inside it, so the executor only needs the structure:
 * run {@link #block}; if a task fails run {@link #rescue}; always run {@link #always}.
 */
public record Block(
    String name,
    List<TaskNode> block,
    List<TaskNode> rescue,
    List<TaskNode> always,
    Set<String> tags,
    SourceLocation location) implements TaskNode {

    public Block {
        block = List.copyOf(block);
        rescue = List.copyOf(rescue);
        always = List.copyOf(always);
        tags = Set.copyOf(tags);
    }

    public Block withChildren(List<TaskNode> newBlock, List<TaskNode> newRescue, List<TaskNode> newAlways) {
        return new Block(name, newBlock, newRescue, newAlways, tags, location);
    }

    public boolean isEmpty() {
        return block.isEmpty() && rescue.isEmpty() && always.isEmpty();
    }
}
