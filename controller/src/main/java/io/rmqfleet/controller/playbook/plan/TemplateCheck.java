package io.rmqfleet.controller.playbook.plan;

import io.rmqfleet.controller.input.InputException;
import io.rmqfleet.controller.input.SourceLocation;
import io.rmqfleet.controller.playbook.model.Block;
import io.rmqfleet.controller.playbook.model.Play;
import io.rmqfleet.controller.playbook.model.Playbook;
import io.rmqfleet.controller.playbook.model.Role;
import io.rmqfleet.controller.playbook.model.RoleUse;
import io.rmqfleet.controller.playbook.model.Task;
import io.rmqfleet.controller.playbook.model.TaskNode;
import io.rmqfleet.controller.playbook.template.Templar;
import io.rmqfleet.controller.playbook.template.TemplateSyntax;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks the Jinja syntax of everything a playbook will template (play names and hosts, vars, task names and
 * arguments, conditions, loops, environment, role variables, the roles' template files) before anything runs,
 * so a typo like {@code "{{ x | }}"} is a {@code file:line:col} input error (exit 4) rather than a task failure on
 * every host.
 */
public final class TemplateCheck {

    private final TemplateSyntax syntax;
    private final Set<String> checked = new HashSet<>();

    private TemplateCheck(Templar templar) {
        this.syntax = templar.syntax();
    }

    /** @throws InputException for the first syntax error found */
    public static void check(Playbook playbook, Templar templar) {
        new TemplateCheck(templar).playbook(playbook);
    }

    private void playbook(Playbook playbook) {
        Set<Path> roles = new HashSet<>();
        for (Play play : playbook.plays()) {
            SourceLocation at = play.location();
            if (play.name() != null) {
                template(play.name(), at, "play name");
            }
            play.hosts().forEach(h -> template(h, at, "hosts"));
            value(play.vars(), at, "play vars");
            play.varsFiles().forEach(f -> template(f.path(), f.location(), "vars_files"));
            for (RoleUse use : play.roles()) {
                value(use.params(), at, "parameters of role '" + use.name() + "'");
                if (roles.add(use.role().path())) {
                    role(use.role());
                }
            }
            for (List<TaskNode> section : List.of(play.preTasks(), play.roleTasks(), play.tasks(), play.postTasks())) {
                nodes(section);
            }
            play.handlers().forEach(this::task);
        }
    }

    private void role(Role role) {
        SourceLocation roleAt = new SourceLocation(role.path().toString(), 0, 0);
        value(role.defaults(), roleAt, "role defaults");
        value(role.vars(), roleAt, "role vars");
        Path templates = role.templatesDir();
        if (!Files.isDirectory(templates)) {
            return;
        }
        try (Stream<Path> files = Files.walk(templates)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String text;
                try {
                    text = Files.readString(file);
                } catch (IOException e) {
                    continue; // not text (or unreadable): the template module reports it if it is ever used
                }
                List<TemplateSyntax.Problem> problems = syntax.checkTemplate(text);
                if (!problems.isEmpty()) {
                    TemplateSyntax.Problem p = problems.get(0);
                    throw new InputException(new SourceLocation(file.toString(), p.line(), 0),
                        "template syntax error: " + p.message());
                }
            }
        } catch (IOException e) {
            throw new InputException(roleAt, "cannot list templates: " + e.getMessage());
        }
    }

    private void nodes(List<TaskNode> nodes) {
        for (TaskNode n : nodes) {
            if (n instanceof Task t) {
                task(t);
            } else if (n instanceof Block b) {
                nodes(b.block());
                nodes(b.rescue());
                nodes(b.always());
            }
        }
    }

    private void task(Task t) {
        SourceLocation at = t.location();
        String what = "task '" + t.displayName() + "'";
        if (t.name() != null) {
            template(t.name(), at, what + " name");
        }
        value(t.args(), at, what + " arguments");
        for (Map.Entry<String, List<String>> c : Map.of("when", t.when(), "changed_when", t.changedWhen(),
            "failed_when", t.failedWhen(), "until", t.until()).entrySet()) {
            for (String expression : c.getValue()) {
                if (checked.add("expr:" + expression)) {
                    Optional<String> problem = syntax.checkExpression(expression);
                    if (problem.isPresent()) {
                        throw new InputException(at, what + ": syntax error in " + c.getKey() + ": " + problem.get());
                    }
                }
            }
        }
        if (t.loop() != null) {
            value(t.loop().items(), at, what + " loop");
        }
        value(t.environment(), at, what + " environment");
        t.varScopes().forEach(scope -> value(scope, at, what + " vars"));
        value(t.retries(), at, what + " retries");
        value(t.delay(), at, what + " delay");
    }

    private void value(Object v, SourceLocation at, String what) {
        if (v instanceof String s) {
            template(s, at, what);
        } else if (v instanceof Map<?, ?> m) {
            m.values().forEach(x -> value(x, at, what));
        } else if (v instanceof List<?> l) {
            l.forEach(x -> value(x, at, what));
        }
    }

    private void template(String text, SourceLocation at, String what) {
        if (!Templar.containsTemplate(text) || !checked.add(text)) {
            return;
        }
        List<TemplateSyntax.Problem> problems = syntax.checkTemplate(text);
        if (!problems.isEmpty()) {
            throw new InputException(at, what + ": template syntax error: " + problems.get(0).message());
        }
    }
}
