package io.rmqfleet.controller.module.facts;

import io.rmqfleet.controller.connection.ExecResult;
import io.rmqfleet.controller.module.ArgSpec;
import io.rmqfleet.controller.module.ModuleArgs;
import io.rmqfleet.controller.module.ModuleContext;
import io.rmqfleet.controller.module.ModuleFailure;
import io.rmqfleet.controller.module.ModuleResult;
import io.rmqfleet.controller.module.TaskModule;
import io.rmqfleet.controller.module.support.Remote;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code setup}: gathers the host's facts with one remote command and returns them as {@code ansible_facts}
 * (keys without the {@code ansible_} prefix; the executor exposes them both ways, as Ansible does).
 * {@code filter} keeps only facts whose names match one of the given shell-style patterns.
 */
public final class SetupModule implements TaskModule {
    private static final ArgSpec SPEC = ArgSpec.builder()
            .optional("filter", "gather_subset", "gather_timeout")
            .build();

    @Override
    public String name() {
        return "setup";
    }

    @Override
    public boolean supportsCheckMode() {
        return true;
    }

    @Override
    public ArgSpec argSpec() {
        return SPEC;
    }

    @Override
    public ModuleResult run(ModuleContext ctx, ModuleArgs args) {
        ExecResult r = new Remote(ctx).run(FactsScript.SCRIPT);
        if (!r.ok()) {
            throw ModuleFailure.of("gathering facts", r);
        }
        Map<String, Object> facts = filter(FactsParser.parse(r.stdout()), args.stringList("filter"));
        return ModuleResult.okBuilder().facts(facts).build();
    }

    static Map<String, Object> filter(Map<String, Object> facts, List<String> patterns) {
        if (patterns.isEmpty()) {
            return facts;
        }
        List<PathMatcher> matchers = patterns.stream()
                .map(p -> p.startsWith("ansible_") ? p.substring("ansible_".length()) : p)
                .map(p -> FileSystems.getDefault().getPathMatcher("glob:" + p))
                .toList();
        Map<String, Object> out = new LinkedHashMap<>();
        facts.forEach((name, value) -> {
            if (matchers.stream().anyMatch(m -> m.matches(Path.of(name)))) {
                out.put(name, value);
            }
        });
        return out;
    }
}
