package io.rmqfleet.controller.module;

import io.rmqfleet.controller.module.command.CommandModule;
import io.rmqfleet.controller.module.command.ShellModule;
import io.rmqfleet.controller.module.control.AssertModule;
import io.rmqfleet.controller.module.control.DebugModule;
import io.rmqfleet.controller.module.control.FailModule;
import io.rmqfleet.controller.module.control.SetFactModule;
import io.rmqfleet.controller.module.docker.DockerContainerModule;
import io.rmqfleet.controller.module.docker.DockerImageModule;
import io.rmqfleet.controller.module.docker.DockerInstallModule;
import io.rmqfleet.controller.module.docker.ImageTransfer;
import io.rmqfleet.controller.module.facts.SetupModule;
import io.rmqfleet.controller.module.files.CopyModule;
import io.rmqfleet.controller.module.files.FileModule;
import io.rmqfleet.controller.module.files.StatModule;
import io.rmqfleet.controller.module.files.TemplateModule;
import io.rmqfleet.controller.module.net.WaitForModule;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every task module by name. Ansible's fully qualified names ({@code ansible.builtin.copy},
 * {@code community.docker.docker_container}, ...) find the same modules, so playbooks written for Ansible run.
 */
public final class ModuleRegistry {
    private static final List<String> COLLECTION_PREFIXES = List.of(
            "ansible.builtin.", "ansible.legacy.", "community.docker.", "rmqfleet.");

    private final Map<String, TaskModule> modules;

    public ModuleRegistry(List<TaskModule> modules) {
        Map<String, TaskModule> byName = new TreeMap<>();
        for (TaskModule module : modules) {
            if (byName.put(module.name(), module) != null) {
                throw new IllegalArgumentException("two modules are named " + module.name());
            }
        }
        this.modules = Collections.unmodifiableMap(byName);
    }

    /** All built-in modules; {@code transfer} is what docker_image's {@code source: ship} uses (may be null). */
    public static ModuleRegistry standard(ImageTransfer transfer) {
        return new ModuleRegistry(List.of(
                new CommandModule(), new ShellModule(),
                new CopyModule(), new TemplateModule(), new FileModule(), new StatModule(),
                new WaitForModule(), new SetupModule(),
                new DockerInstallModule(), new DockerImageModule(transfer), new DockerContainerModule(),
                new DebugModule(), new SetFactModule(), new AssertModule(), new FailModule()));
    }

    public Optional<TaskModule> find(String name) {
        TaskModule direct = modules.get(name);
        if (direct != null) {
            return Optional.of(direct);
        }
        for (String prefix : COLLECTION_PREFIXES) {
            if (name.startsWith(prefix)) {
                return Optional.ofNullable(modules.get(name.substring(prefix.length())));
            }
        }
        return Optional.empty();
    }

    /** True when {@code name} is a module (so a playbook parser can tell a module key from a task keyword). */
    public boolean contains(String name) {
        return find(name).isPresent();
    }

    public java.util.Set<String> names() {
        return modules.keySet();
    }
}
