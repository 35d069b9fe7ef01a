package io.rmqfleet.controller.executor;

import io.rmqfleet.controller.input.SourceLocation;
import io.rmqfleet.controller.playbook.model.Task;

/** Failure messages worded like Ansible's, plus where in the playbook the task is. */
final class Messages {
    private Messages() {
    }

    static String undefinedOption(Task task, Exception e) {
        return "The task includes an option with an undefined variable. The error was: " + e.getMessage()
            + where(task);
    }

    static String conditional(String condition, Exception e, Task task) {
        return "The conditional check '" + condition + "' failed. The error was: " + e.getMessage() + where(task);
    }

    static String unknownModule(Task task) {
        return "couldn't resolve module/action '" + task.action() + "'. This often indicates a misspelling, "
            + "missing collection, or incorrect module path." + where(task);
    }

    static String unknownHandler(String name) {
        return "The requested handler '" + name + "' was not found in either the main handlers list nor in the "
            + "listening handlers list";
    }

    static String where(Task task) {
        SourceLocation at = task.location();
        if (at == null) {
            return "";
        }
        return "\n\nThe error appears to be in '" + at.file() + "': line " + at.line() + ", column " + at.column()
            + ", but may\nbe elsewhere in the file depending on the exact syntax problem.";
    }
}
