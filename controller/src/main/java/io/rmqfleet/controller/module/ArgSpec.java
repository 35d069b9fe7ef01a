package io.rmqfleet.controller.module;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What arguments a module accepts: names, aliases, which are required, their allowed choices, and which exclude
 * each other. Checked before the module runs, so a typo fails the task instead of being silently ignored.
 */
public final class ArgSpec {
    private final Set<String> names;
    private final Map<String, String> aliases;
    private final Set<String> required;
    private final Map<String, List<String>> choices;
    private final List<List<String>> mutuallyExclusive;
    private final List<List<String>> requiredOneOf;
    private final boolean freeForm;

    private ArgSpec(Builder b) {
        this.names = Collections.unmodifiableSet(new LinkedHashSet<>(b.names));
        this.aliases = Map.copyOf(b.aliases);
        this.required = Set.copyOf(b.required);
        this.choices = Map.copyOf(b.choices);
        this.mutuallyExclusive = List.copyOf(b.mutuallyExclusive);
        this.requiredOneOf = List.copyOf(b.requiredOneOf);
        this.freeForm = b.freeForm;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Accepts any argument names (set_fact: every argument is a fact). */
    public static ArgSpec anyArguments() {
        return new Builder().freeForm().build();
    }

    public Set<String> names() {
        return names;
    }

    /**
     * Checks {@code args} against this spec and returns them with aliases resolved to their canonical names.
     *
     * @throws ModuleArgumentException naming the first offending argument
     */
    public ModuleArgs validate(ModuleArgs args) {
        if (freeForm) {
            return args;
        }
        Map<String, Object> canonical = new LinkedHashMap<>();
        Set<String> unsupported = new TreeSet<>();
        for (Map.Entry<String, Object> e : args.asMap().entrySet()) {
            String name = aliases.getOrDefault(e.getKey(), e.getKey());
            if (!names.contains(name)) {
                unsupported.add(e.getKey());
                continue;
            }
            if (canonical.containsKey(name)) {
                throw new ModuleArgumentException("argument '" + name + "' is given twice (once through an alias)");
            }
            canonical.put(name, e.getValue());
        }
        if (!unsupported.isEmpty()) {
            String list = String.join("', '", unsupported);
            throw new ModuleArgumentException((unsupported.size() == 1 ? "unsupported argument '" : "unsupported arguments '")
                    + list + "' (supported: " + String.join(", ", new TreeSet<>(names)) + ")");
        }
        ModuleArgs resolved = ModuleArgs.of(canonical);
        for (String name : required) {
            if (!resolved.has(name)) {
                throw new ModuleArgumentException("missing required argument '" + name + "'");
            }
        }
        for (Map.Entry<String, List<String>> e : choices.entrySet()) {
            if (resolved.has(e.getKey())) {
                resolved.choice(e.getKey(), null, e.getValue().toArray(String[]::new));
            }
        }
        for (List<String> group : mutuallyExclusive) {
            List<String> present = group.stream().filter(resolved::has).toList();
            if (present.size() > 1) {
                throw new ModuleArgumentException("arguments are mutually exclusive: " + String.join(", ", present));
            }
        }
        for (List<String> group : requiredOneOf) {
            if (group.stream().noneMatch(resolved::has)) {
                throw new ModuleArgumentException("one of the following arguments is required: " + String.join(", ", group));
            }
        }
        return resolved;
    }

    public static final class Builder {
        private final Set<String> names = new LinkedHashSet<>();
        private final Map<String, String> aliases = new LinkedHashMap<>();
        private final Set<String> required = new LinkedHashSet<>();
        private final Map<String, List<String>> choices = new LinkedHashMap<>();
        private final List<List<String>> mutuallyExclusive = new ArrayList<>();
        private final List<List<String>> requiredOneOf = new ArrayList<>();
        private boolean freeForm;

        private Builder() {
        }

        public Builder optional(String... argNames) {
            names.addAll(Arrays.asList(argNames));
            return this;
        }

        public Builder required(String... argNames) {
            optional(argNames);
            required.addAll(Arrays.asList(argNames));
            return this;
        }

        public Builder alias(String alias, String canonicalName) {
            if (!names.contains(canonicalName)) {
                throw new IllegalArgumentException("alias " + alias + " for unknown argument " + canonicalName);
            }
            aliases.put(alias, canonicalName);
            return this;
        }

        public Builder choices(String argName, String... allowed) {
            optional(argName);
            choices.put(argName, List.of(allowed));
            return this;
        }

        public Builder mutuallyExclusive(String... argNames) {
            mutuallyExclusive.add(List.of(argNames));
            return this;
        }

        public Builder requiredOneOf(String... argNames) {
            requiredOneOf.add(List.of(argNames));
            return this;
        }

        private Builder freeForm() {
            freeForm = true;
            return this;
        }

        public ArgSpec build() {
            return new ArgSpec(this);
        }
    }
}
