package io.rmqfleet.controller.playbook.parse;

import java.util.Optional;
import java.util.Set;

/**
 * The module names a task may use. The executor knows which modules exist; the parser only asks this catalog, so
 * the executor can hand in its own. {@code ansible.builtin.X} (and {@code community.docker.X} for the Docker
 * modules) map to the short name, so playbooks written for Ansible parse unchanged.
 */
public interface ModuleCatalog {

    /** The canonical name for what the task wrote, or empty if no such module exists. */
    Optional<String> canonical(String written);

    /** Modules whose argument can be free-form text ({@code command: echo hi}). */
    default boolean isFreeForm(String canonical) {
        return FREE_FORM.contains(canonical);
    }

    Set<String> FREE_FORM = Set.of("command", "shell", "meta", "include_tasks", "import_tasks");

    Set<String> DEFAULT_MODULES = Set.of(
        "command", "shell", "copy", "template", "file", "wait_for", "stat", "setup", "debug", "set_fact",
        "assert", "fail", "meta", "include_tasks", "import_tasks", "docker_install", "docker_image",
        "docker_container");

    /** The modules this project ships, plus any name starting with {@code rocketmq_}. */
    static ModuleCatalog defaults() {
        return of(DEFAULT_MODULES, "rocketmq_");
    }

    static ModuleCatalog of(Set<String> names, String acceptedPrefix) {
        Set<String> known = Set.copyOf(names);
        return written -> {
            String name = written;
            if (name.startsWith("ansible.builtin.")) {
                name = name.substring("ansible.builtin.".length());
            } else if (name.startsWith("ansible.legacy.")) {
                name = name.substring("ansible.legacy.".length());
            } else if (name.startsWith("community.docker.")) {
                name = name.substring("community.docker.".length());
                if (!name.startsWith("docker_")) {
                    return Optional.empty();
                }
            }
            if (known.contains(name)) {
                return Optional.of(name);
            }
            if (acceptedPrefix != null && name.startsWith(acceptedPrefix) && name.length() > acceptedPrefix.length()
                && name.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_')) {
                return Optional.of(name);
            }
            return Optional.empty();
        };
    }
}
