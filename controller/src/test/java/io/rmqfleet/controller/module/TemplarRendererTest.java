package io.rmqfleet.controller.module;

import io.rmqfleet.controller.module.control.AssertModule;
import io.rmqfleet.controller.module.control.DebugModule;
import io.rmqfleet.controller.module.files.TemplateModule;
import io.rmqfleet.controller.module.testing.DirFiles;
import io.rmqfleet.controller.module.testing.LocalConnection;
import io.rmqfleet.controller.module.testing.ModuleRunner;
import io.rmqfleet.controller.playbook.template.Templar;
import io.rmqfleet.controller.playbook.template.Vars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The modules with the real Jinja engine: template rendering, assert conditions, debug var. */
class TemplarRendererTest {
    @TempDir
    Path controller;
    @TempDir
    Path host;

    private ModuleRunner runner() {
        Vars vars = Vars.of(Map.of("broker_name", "broker-a", "broker_id", 0,
                "namesrv", List.of("10.213.0.11", "10.213.0.12")));
        return new ModuleRunner(new LocalConnection(), new TemplarRenderer(Templar.shared(), vars), new DirFiles(controller));
    }

    @Test
    void templateWithLoopsFiltersAndConditionals() throws IOException {
        Files.createDirectories(controller.resolve("templates"));
        Files.writeString(controller.resolve("templates/broker.conf.j2"), """
                brokerName={{ broker_name }}
                brokerRole={{ 'ASYNC_MASTER' if broker_id == 0 else 'SLAVE' }}
                namesrvAddr={{ namesrv | map('regex_replace', '$', ':9876') | join(';') }}
                """);
        ModuleResult r = runner().apply(new TemplateModule(), Map.of("src", "broker.conf.j2", "dest", host + "/"));
        assertThat(r.failed()).as("%s", r.data()).isFalse();
        assertThat(Files.readString(host.resolve("broker.conf"))).isEqualTo("""
                brokerName=broker-a
                brokerRole=ASYNC_MASTER
                namesrvAddr=10.213.0.11:9876;10.213.0.12:9876
                """);
    }

    @Test
    void undefinedVariableFailsTheTaskWithItsName() throws IOException {
        Files.createDirectories(controller.resolve("templates"));
        Files.writeString(controller.resolve("templates/bad.j2"), "x={{ nope }}\n");
        ModuleResult r = runner().apply(new TemplateModule(), Map.of("src", "bad.j2", "dest", host + "/bad"));
        assertThat(r.failed()).isTrue();
        assertThat(r.msg().orElseThrow()).contains("bad.j2", "nope");
    }

    @Test
    void assertAndDebugUseJinjaExpressions() {
        assertThat(runner().apply(new AssertModule(), Map.of("that", List.of("namesrv | length == 2", "broker_id == 0")))
                .failed()).isFalse();
        ModuleResult bad = runner().apply(new AssertModule(), Map.of("that", "namesrv | length > 2"));
        assertThat(bad.data()).containsEntry("failed", true).containsEntry("assertion", "namesrv | length > 2");
        assertThat(runner().apply(new DebugModule(), Map.of("var", "namesrv | first")).data())
                .containsEntry("namesrv | first", "10.213.0.11");
    }
}
