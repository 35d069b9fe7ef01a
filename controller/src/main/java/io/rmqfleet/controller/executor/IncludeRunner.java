package io.rmqfleet.controller.executor;

import io.rmqfleet.controller.callback.HostTaskResult;
import io.rmqfleet.controller.callback.TaskStatus;
import io.rmqfleet.controller.input.InputException;
import io.rmqfleet.controller.playbook.model.ArgsKeys;
import io.rmqfleet.controller.playbook.model.Loop;
import io.rmqfleet.controller.playbook.model.Task;
import io.rmqfleet.controller.playbook.model.TaskNode;
import io.rmqfleet.controller.playbook.template.PyStr;
import io.rmqfleet.controller.playbook.template.TemplateError;
import io.rmqfleet.controller.playbook.template.Vars;
import io.rmqfleet.controller.playbook.vars.VarsResolver;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code include_tasks} at run time: per host, evaluate its {@code when} and loop and template the file name;
 * hosts that include the same file with the same item run its tasks together (one "included:" line for them),
 * each include counting one ok per host, as in Ansible.
 */
final class IncludeRunner {
    private final PlayContext ctx;
    private final LinearStrategy strategy;

    IncludeRunner(PlayContext ctx, LinearStrategy strategy) {
        this.ctx = ctx;
        this.strategy = strategy;
    }

    /** One file (and loop item) to include, and the hosts that include it. */
    private record Inclusion(String file, int itemIndex, Object item, String label, List<String> hosts) {
    }

    Set<String> run(Task include, List<String> hosts, boolean rescuable) throws InterruptedException {
        ctx.services.reporter().taskStarted(include.displayName(), include.handler());
        Set<String> failed = new LinkedHashSet<>();
        Map<String, Inclusion> byKey = new LinkedHashMap<>();
        for (String host : hosts) {
            try {
                collect(include, host, byKey);
            } catch (TemplateError e) {
                fail(include, host, Messages.undefinedOption(include, e), failed, rescuable);
            }
        }
        List<Inclusion> ordered = new ArrayList<>(byKey.values());
        ordered.sort((a, b) -> Integer.compare(a.itemIndex(), b.itemIndex()));
        for (Inclusion inclusion : ordered) {
            if (ctx.stopped()) {
                break;
            }
            List<String> targets = inclusion.hosts().stream().filter(h -> !failed.contains(h)).toList();
            if (targets.isEmpty()) {
                continue;
            }
            Task withItem = withLoopItem(include, inclusion);
            List<TaskNode> nodes;
            try {
                nodes = ctx.services.includes().load(withItem, inclusion.file());
            } catch (InputException e) {
                for (String host : targets) {
                    fail(include, host, e.describe(), failed, rescuable);
                }
                continue;
            }
            Path shown = include.baseDir() == null ? Path.of(inclusion.file())
                : include.baseDir().resolve(inclusion.file()).toAbsolutePath().normalize();
            ctx.services.reporter().included(shown.toString(), targets, inclusion.label(), include.displayName());
            failed.addAll(strategy.runNodes(nodes, targets, rescuable));
        }
        return failed;
    }

    /** Adds the inclusions of one host: none when its {@code when} is false (reported as skipped). */
    private void collect(Task include, String host, Map<String, Inclusion> byKey) {
        Vars vars = ctx.vars.forTask(host, include);
        Loop loop = include.loop();
        if (loop == null) {
            if (!ctx.templar.allConditions(include.when(), vars)) {
                skipped(include, host);
                return;
            }
            add(byKey, file(include, vars), -1, null, null, host);
            return;
        }
        List<Object> items = LoopItems.of(loop, ctx.templar, vars);
        boolean any = false;
        for (int i = 0; i < items.size(); i++) {
            Vars itemVars = VarsResolver.withLoopItem(vars, loop, items.get(i), i);
            if (!ctx.templar.allConditions(include.when(), itemVars)) {
                continue;
            }
            any = true;
            add(byKey, file(include, itemVars), i, items.get(i), LoopItems.label(loop, items.get(i), ctx.templar,
                itemVars), host);
        }
        if (!any) {
            skipped(include, host);
        }
    }

    private static void add(Map<String, Inclusion> byKey, String file, int index, Object item, String label,
                            String host) {
        String key = index + "\u0000" + file;
        byKey.computeIfAbsent(key, k -> new Inclusion(file, index, item, label, new ArrayList<>())).hosts().add(host);
    }

    private String file(Task include, Vars vars) {
        Object raw = include.args().containsKey(ArgsKeys.FILE) ? include.args().get(ArgsKeys.FILE)
            : include.args().get(ArgsKeys.RAW_PARAMS);
        return PyStr.str(ctx.templar.template(raw, vars)).strip();
    }

    /** The include with its loop variables added to its own vars, so the included tasks see the item. */
    private static Task withLoopItem(Task include, Inclusion inclusion) {
        if (include.loop() == null) {
            return include;
        }
        Loop loop = include.loop();
        Map<String, Object> itemVars = new LinkedHashMap<>();
        itemVars.put(loop.loopVar(), inclusion.item());
        itemVars.put("ansible_loop_var", loop.loopVar());
        if (loop.indexVar() != null) {
            itemVars.put(loop.indexVar(), inclusion.itemIndex());
        }
        List<Map<String, Object>> scopes = new ArrayList<>(include.varScopes());
        boolean ownVars = scopes.size() > include.inherited().varScopes().size();
        if (ownVars) {
            Map<String, Object> own = new LinkedHashMap<>(scopes.remove(scopes.size() - 1));
            own.putAll(itemVars);
            scopes.add(own);
        } else {
            scopes.add(itemVars);
        }
        return TaskCopies.with(include, "varScopes", scopes);
    }

    private void skipped(Task include, String host) {
        ctx.services.reporter().result(HostTaskResult.of(host, include.displayName(), TaskStatus.SKIPPED,
            Map.of("changed", false, "skip_reason", "Conditional result was False")));
    }

    private void fail(Task include, String host, String msg, Set<String> failed, boolean rescuable) {
        boolean ignored = include.ignoreErrors();
        HostTaskResult result = HostTaskResult.of(host, include.displayName(), TaskStatus.FAILED,
            Map.of("changed", false, "failed", true, "msg", msg));
        if (ignored) {
            result = result.ignoringErrors();
        } else if (rescuable) {
            result = result.rescuedByBlock();
        }
        ctx.services.reporter().result(result);
        if (!ignored) {
            failed.add(host);
            if (!rescuable) {
                ctx.markFailed(host);
            }
        }
    }
}
