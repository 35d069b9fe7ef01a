package io.rmqfleet.controller.executor;

import io.rmqfleet.controller.input.SourceLocation;
import io.rmqfleet.controller.playbook.model.Inherited;
import io.rmqfleet.controller.playbook.model.Task;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tasks the executor makes itself: the implicit "Gathering Facts" task and an {@code include_tasks} carrying its
 * loop item. Built through the record's components by name, so new fields of {@link Task} get neutral defaults
 * instead of breaking the executor.
 */
final class TaskCopies {
    private static final RecordComponent[] COMPONENTS = Task.class.getRecordComponents();
    private static final Constructor<Task> CANONICAL = canonical();

    private TaskCopies() {
    }

    /** A task with the given fields set and every other field empty, false or null. */
    static Task synthetic(String name, String action, Map<String, Object> args, Path baseDir, SourceLocation at) {
        Object[] values = new Object[COMPONENTS.length];
        for (int i = 0; i < COMPONENTS.length; i++) {
            values[i] = neutral(COMPONENTS[i].getType());
        }
        set(values, "name", name);
        set(values, "action", action);
        set(values, "args", args);
        set(values, "baseDir", baseDir);
        set(values, "location", at);
        set(values, "tags", Set.of("always"));
        return create(values);
    }

    /** {@code task} with one field replaced. */
    static Task with(Task task, String field, Object value) {
        Object[] values = new Object[COMPONENTS.length];
        try {
            for (int i = 0; i < COMPONENTS.length; i++) {
                values[i] = COMPONENTS[i].getAccessor().invoke(task);
            }
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read the fields of a task", e);
        }
        set(values, field, value);
        return create(values);
    }

    private static void set(Object[] values, String field, Object value) {
        for (int i = 0; i < COMPONENTS.length; i++) {
            if (COMPONENTS[i].getName().equals(field)) {
                values[i] = value;
                return;
            }
        }
        throw new IllegalArgumentException("Task has no field " + field);
    }

    private static Object neutral(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == List.class) {
            return List.of();
        }
        if (type == Set.class) {
            return Set.of();
        }
        if (type == Map.class) {
            return Map.of();
        }
        if (type == Inherited.class) {
            return Inherited.NONE;
        }
        return null;
    }

    private static Task create(Object[] values) {
        try {
            return CANONICAL.newInstance(values);
        } catch (InstantiationException | IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot create a task", e);
        }
    }

    private static Constructor<Task> canonical() {
        Class<?>[] types = new Class<?>[COMPONENTS.length];
        for (int i = 0; i < COMPONENTS.length; i++) {
            types[i] = COMPONENTS[i].getType();
        }
        try {
            return Task.class.getDeclaredConstructor(types);
        } catch (NoSuchMethodException e) {
            throw new IllegalStateException("Task has no canonical constructor", e);
        }
    }
}
