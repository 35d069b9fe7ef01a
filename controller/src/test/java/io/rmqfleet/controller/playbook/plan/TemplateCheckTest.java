package io.rmqfleet.controller.playbook.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.rmqfleet.controller.input.InputException;
import io.rmqfleet.controller.playbook.parse.Fixtures;
import io.rmqfleet.controller.playbook.parse.PlaybookParser;
import io.rmqfleet.controller.playbook.template.Templar;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateCheckTest {

    @TempDir
    Path dir;

    private String check(String playbook) throws IOException {
        Path pb = dir.resolve("site.yml");
        Files.writeString(pb, playbook);
        try {
            TemplateCheck.check(new PlaybookParser().parse(pb), Templar.shared());
            return "OK";
        } catch (InputException e) {
            return e.describe().replace(dir + java.io.File.separator, "");
        }
    }

    @Test
    void validPlaybooksPass() {
        assertThatCode(() -> TemplateCheck.check(new PlaybookParser().parse(Fixtures.playbook("full/site.yml")),
            Templar.shared())).doesNotThrowAnyException();
        assertThatCode(() -> TemplateCheck.check(new PlaybookParser().parse(Path.of("..", "playbooks",
            "rocketmq-cluster.yml")), Templar.shared())).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`      debug: msg=\"{{ x | }}\"`|site.yml:3:7: task 'debug' arguments: template syntax error: ",
        "`      debug: msg=x\n      when: x ==`|site.yml:3:7: task 'debug': syntax error in when: ",
        "`      debug:\n        msg: \"{% if x %}open\"`|site.yml:3:7: task 'debug' arguments: template syntax error: ",
        "`      debug: msg=x\n      loop: \"{{ [1, }}\"`|site.yml:3:7: task 'debug' loop: template syntax error: ",
        "`      name: \"{{ }\"\n      debug: msg=x`|site.yml:3:7: task '{{ }' name: template syntax error: ",
        "`      name: \"{{ '}' }}\"\n      debug:\n        msg: \"{{ {'a': {'b': 1}} }}\"`|OK",
        "`      debug: msg=x\n      vars:\n        a: \"{{ 1 + }}\"`|site.yml:3:7: task 'debug' vars: template syntax error: ",
        "`      debug: msg=x\n      until: \"x is\"\n      retries: 2`|site.yml:3:7: task 'debug': syntax error in until: ",
        "`      debug:\n        msg: \"{% set y = %}\"`|site.yml:3:7: task 'debug' arguments: template syntax error: ",
    })
    void brokenTemplatesAreInputErrors(String task, String expectedStart) throws IOException {
        String result = check("- hosts: all\n  tasks:\n    - " + task.substring(6) + "\n");
        if (expectedStart.equals("OK")) {
            assertThat(result).isEqualTo("OK");
        } else {
            assertThat(result).startsWith(expectedStart).doesNotContain("\n");
        }
    }

    @Test
    void playLevelValuesAreChecked() throws IOException {
        assertThat(check("- hosts: all\n  vars:\n    a: \"{{ b | default( }}\"\n  tasks: []\n"))
            .startsWith("site.yml:1:3: play vars: template syntax error: ");
        assertThat(check("- name: \"{{ }}x{{\"\n  hosts: all\n  tasks: []\n"))
            .startsWith("site.yml:1:3: play name: template syntax error");
    }

    @Test
    void roleTemplateFilesAreCheckedWithTheirLine() throws IOException {
        Files.createDirectories(dir.resolve("roles/r/templates/sub"));
        Files.createDirectories(dir.resolve("roles/r/tasks"));
        Files.writeString(dir.resolve("roles/r/tasks/main.yml"), "- debug: msg=x\n");
        Files.writeString(dir.resolve("roles/r/templates/ok.j2"), "a={{ a }}\n{% if b %}b{% endif %}\n");
        Files.writeString(dir.resolve("roles/r/templates/sub/broken.conf.j2"), "a={{ a }}\nb={{ b | }}\n");
        assertThat(check("- hosts: all\n  roles: [r]\n"))
            .startsWith("roles/r/templates/sub/broken.conf.j2:2: template syntax error: ".replace('/',
                java.io.File.separatorChar));
    }
}
