package io.rmqfleet.controller.module;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModuleRegistryTest {
    private final ModuleRegistry registry = ModuleRegistry.standard(null);

    @Test
    void hasEveryModule() {
        assertThat(registry.names()).containsExactlyInAnyOrder("command", "shell", "copy", "template", "file", "stat",
                "wait_for", "setup", "docker_install", "docker_image", "docker_container", "debug", "set_fact",
                "assert", "fail");
    }

    @Test
    void findsAnsibleQualifiedNames() {
        assertThat(registry.find("ansible.builtin.copy")).containsSame(registry.find("copy").orElseThrow());
        assertThat(registry.find("community.docker.docker_container").map(TaskModule::name)).contains("docker_container");
        assertThat(registry.find("ansible.legacy.shell").map(TaskModule::name)).contains("shell");
        assertThat(registry.find("ansible.builtin.nope")).isEmpty();
        assertThat(registry.contains("when")).isFalse();
    }

    @Test
    void everyModuleSupportsCheckModeAndHasASpec() {
        for (String name : registry.names()) {
            TaskModule m = registry.find(name).orElseThrow();
            assertThat(m.supportsCheckMode()).as(name).isTrue();
            assertThat(m.argSpec()).as(name).isNotNull();
        }
    }

    @Test
    void duplicateNamesAreRejected() {
        assertThatThrownBy(() -> new ModuleRegistry(List.of(new io.rmqfleet.controller.module.control.FailModule(),
                new io.rmqfleet.controller.module.control.FailModule()))).hasMessageContaining("fail");
    }
}
