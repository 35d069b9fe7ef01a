package io.rmqfleet.controller.playbook.model;

import io.rmqfleet.controller.input.SourceLocation;
import java.util.Set;

/** One entry of a task list: a {@link Task} or a {@link Block} (block/rescue/always). */
public sealed interface TaskNode permits Task, Block {

    SourceLocation location();

    /** Effective tags: the node's own plus everything inherited from play, role, import and enclosing blocks. */
    Set<String> tags();
}
