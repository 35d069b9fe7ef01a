package io.rmqfleet.controller.executor;

import io.rmqfleet.controller.playbook.model.Task;
import io.rmqfleet.controller.playbook.model.TaskNode;
import io.rmqfleet.controller.playbook.parse.PlaybookParser;
import io.rmqfleet.controller.playbook.plan.TagSelection;
import java.util.List;

/**
 * Loads the file of an {@code include_tasks} while the play runs (its name may depend on host variables) and
 * keeps only the tasks the run's {@code --tags}/{@code --skip-tags} select, as the planner did for the rest.
 */
public final class IncludeLoader {
    private final PlaybookParser parser;
    private final TagSelection tags;

    public IncludeLoader(PlaybookParser parser, TagSelection tags) {
        this.parser = parser;
        this.tags = tags;
    }

    /** @throws io.rmqfleet.controller.input.InputException when the file is missing or invalid */
    List<TaskNode> load(Task include, String renderedFile) {
        return tags.filter(parser.loadInclude(include, renderedFile));
    }
}
