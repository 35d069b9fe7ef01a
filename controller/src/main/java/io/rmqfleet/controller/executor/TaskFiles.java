package io.rmqfleet.controller.executor;

import io.rmqfleet.controller.module.ControllerFiles;
import io.rmqfleet.controller.module.ModuleFailure;
import io.rmqfleet.controller.playbook.model.Task;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where a task's {@code src:} is looked up on the controller, in Ansible's order: the role's {@code files/} (or
 * {@code templates/}), then {@code files/} (or {@code templates/}) and the directory of the task's own file,
 * then the same beside the playbook. Absolute paths are taken as they are.
 */
final class TaskFiles implements ControllerFiles {
    private final Task task;
    private final Path playbookDir;

    TaskFiles(Task task, Path playbookDir) {
        this.task = task;
        this.playbookDir = playbookDir;
    }

    @Override
    public Path file(String src) {
        return find(src, "files");
    }

    @Override
    public Path template(String src) {
        return find(src, "templates");
    }

    private Path find(String src, String kind) {
        Path given = Path.of(src);
        if (given.isAbsolute()) {
            if (Files.isRegularFile(given) || Files.isDirectory(given)) {
                return given;
            }
            throw new ModuleFailure("could not find " + src + " on the controller");
        }
        List<Path> candidates = candidates(kind);
        for (Path dir : candidates) {
            Path candidate = dir.resolve(src).normalize();
            if (Files.isRegularFile(candidate) || Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new ModuleFailure("could not find or access '" + src + "'; searched: "
            + candidates.stream().map(d -> d.resolve(src).normalize().toString()).collect(Collectors.joining(", ")));
    }

    List<Path> candidates(String kind) {
        LinkedHashSet<Path> dirs = new LinkedHashSet<>();
        if (task.role() != null) {
            Path role = task.role().role().path();
            dirs.add(role.resolve(kind));
            dirs.add(role);
        }
        if (task.baseDir() != null) {
            dirs.add(task.baseDir().resolve(kind));
            dirs.add(task.baseDir());
        }
        if (playbookDir != null) {
            dirs.add(playbookDir.resolve(kind));
            dirs.add(playbookDir);
        }
        return new ArrayList<>(dirs);
    }
}
