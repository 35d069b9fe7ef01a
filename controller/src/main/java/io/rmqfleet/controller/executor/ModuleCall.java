package io.rmqfleet.controller.executor;

import io.rmqfleet.controller.callback.ConsoleCallback;
import io.rmqfleet.controller.callback.TaskStatus;
import io.rmqfleet.controller.connection.Connection;
import io.rmqfleet.controller.module.Diff;
import io.rmqfleet.controller.module.ModuleContext;
import io.rmqfleet.controller.module.ModuleInvoker;
import io.rmqfleet.controller.module.ModuleResult;
import io.rmqfleet.controller.module.TaskModule;
import io.rmqfleet.controller.playbook.model.Task;
import io.rmqfleet.controller.playbook.template.Natives;
import io.rmqfleet.controller.playbook.template.PyStr;
import io.rmqfleet.controller.playbook.template.TemplateError;
import io.rmqfleet.controller.playbook.template.Vars;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One attempt of one task on one host: template the arguments with the task's variables, pick the connection
 * (the host's, or the delegate's), run the module, then apply {@code changed_when} and {@code failed_when}. A
 * lost connection is left to the caller as an {@link io.rmqfleet.controller.connection.UnreachableException}.
 */
final class ModuleCall {
    private final PlayContext ctx;

    ModuleCall(PlayContext ctx) {
        this.ctx = ctx;
    }

    Attempt run(Task task, String host, Vars vars) {
        TaskModule module = ctx.services.modules().find(task.action()).orElse(null);
        if (module == null) {
            return Attempt.failed(Messages.unknownModule(task));
        }
        Map<String, Object> args;
        String delegate;
        Map<String, Object> environment;
        try {
            args = stringKeys(ctx.templar.template(task.args(), vars));
            delegate = task.delegateTo() == null ? null : PyStr.str(ctx.templar.template(task.delegateTo(), vars));
            environment = stringKeys(ctx.templar.template(task.environment(), vars));
        } catch (TemplateError e) {
            return Attempt.failed(Messages.undefinedOption(task, e));
        }

        Connection connection = null;
        if (module.needsConnection()) {
            Connection shared = ctx.services.connections().get(delegate == null ? host : delegate);
            connection = TaskConnection.of(shared, environment, becomeUser(task, vars), loginUser(vars));
        }
        ExecutorSettings settings = ctx.services.settings();
        Map<String, Object> facts = ctx.runtime.facts(host);
        ModuleContext moduleContext = ModuleContext.builder(host)
            .connection(connection)
            .checkMode(task.checkMode() != null ? task.checkMode() : settings.checkMode())
            .diffMode(settings.diffMode())
            .clock(settings.clock())
            .facts(facts.isEmpty() ? null : facts)
            .templates(new TemplarRenderer(ctx.templar, vars))
            .files(new TaskFiles(task, ctx.playbookDir()))
            .commandTimeout(settings.commandTimeout())
            .build();

        ModuleResult result = ModuleInvoker.invoke(module, moduleContext, args);
        Map<String, Object> data = new LinkedHashMap<>(result.data());
        String diff = settings.diffMode() && !result.diffs().isEmpty()
            ? result.diffs().stream().map(Diff::unified).collect(Collectors.joining()) : null;
        Attempt attempt = new Attempt(status(result), data, diff, result.facts(), delegate);
        return attempt.status() == TaskStatus.SKIPPED ? attempt : applyConditions(task, vars, attempt);
    }

    /** {@code changed_when} then {@code failed_when}, both seeing the result under the task's register name. */
    private Attempt applyConditions(Task task, Vars vars, Attempt attempt) {
        if (task.changedWhen().isEmpty() && task.failedWhen().isEmpty()) {
            return attempt;
        }
        Map<String, Object> data = attempt.data();
        Vars withResult = task.register() == null ? vars : vars.with(Map.of(task.register(), data));
        if (!task.changedWhen().isEmpty()) {
            String failing = null;
            try {
                boolean changed = true;
                for (String condition : task.changedWhen()) {
                    failing = condition;
                    changed &= ctx.templar.condition(condition, withResult);
                }
                data.put("changed", changed);
            } catch (TemplateError e) {
                return Attempt.failed(Messages.conditional(failing, e, task));
            }
        }
        if (!task.failedWhen().isEmpty()) {
            String failing = null;
            try {
                boolean failed = true;
                for (String condition : task.failedWhen()) {
                    failing = condition;
                    failed &= ctx.templar.condition(condition, withResult);
                }
                data.put("failed_when_result", failed);
                data.put("failed", failed);
            } catch (TemplateError e) {
                return Attempt.failed(Messages.conditional(failing, e, task));
            }
        }
        return attempt.withStatus(Attempt.statusOf(data));
    }

    private static TaskStatus status(ModuleResult r) {
        return switch (r.status()) {
            case OK -> TaskStatus.OK;
            case CHANGED -> TaskStatus.CHANGED;
            case FAILED -> TaskStatus.FAILED;
            case SKIPPED -> TaskStatus.SKIPPED;
        };
    }

    /** The user to run as when the task becomes someone (sudo), else null. */
    private String becomeUser(Task task, Vars vars) {
        boolean become = task.become() != null ? task.become() : Natives.truthy(value(vars, "ansible_become"));
        if (!become) {
            return null;
        }
        if (task.becomeUser() != null) {
            return PyStr.str(ctx.templar.template(task.becomeUser(), vars));
        }
        Object configured = value(vars, "ansible_become_user");
        return configured == null ? "root" : PyStr.str(configured);
    }

    private String loginUser(Vars vars) {
        Object user = value(vars, "ansible_user");
        return user == null ? System.getProperty("user.name", "root") : PyStr.str(user);
    }

    private Object value(Vars vars, String name) {
        Object raw = vars.lookup(name);
        return raw == Vars.MISSING || raw == null ? null : ctx.templar.template(raw, vars);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> stringKeys(Object templated) {
        if (templated == null) {
            return Map.of();
        }
        if (!(templated instanceof Map<?, ?> map)) {
            throw new TemplateError("expected a mapping of arguments, got " + PyStr.str(templated), null);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> out.put(String.valueOf(k), v));
        return out;
    }

    /** Display-only hints for the console: debug output, delegation. Never part of what register sees. */
    static Map<String, Object> displayData(Task task, Map<String, Object> data, String delegatedTo) {
        boolean debug = "debug".equals(task.action()) || "ansible.builtin.debug".equals(task.action());
        if (!debug && delegatedTo == null) {
            return data;
        }
        Map<String, Object> shown = new LinkedHashMap<>(data);
        if (debug) {
            shown.put("_debug", true);
        }
        if (delegatedTo != null) {
            shown.put(ConsoleCallback.DELEGATED_TO, delegatedTo);
        }
        return shown;
    }

}
