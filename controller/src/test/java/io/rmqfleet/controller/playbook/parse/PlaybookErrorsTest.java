package io.rmqfleet.controller.playbook.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rmqfleet.controller.input.InputException;
import io.rmqfleet.controller.playbook.model.Playbook;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every bad playbook is one {@code file:line:col: message} naming what is wrong. */
class PlaybookErrorsTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return p;
    }

    private InputException fail(String playbook) throws IOException {
        Path p = write("site.yml", playbook);
        Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> new PlaybookParser().parse(p));
        assertThat(t).isInstanceOf(InputException.class);
        return (InputException) t;
    }

    private String describe(String playbook) throws IOException {
        return fail(playbook).describe().replace(dir.toString() + java.io.File.separator, "");
    }

    @Test
    void unknownTaskKeywordNamesItWithSuggestion() throws IOException {
        assertThat(describe("""
            - hosts: all
              tasks:
                - name: x
                  debug: msg=hi
                  whne: foo
            """)).isEqualTo("site.yml:5:7: unknown keyword or module 'whne' (did you mean 'when'?)");
    }

    @Test
    void twoModulesInOneTaskNameBoth() throws IOException {
        assertThat(describe("""
            - hosts: all
              tasks:
                - copy: src=a dest=b
                  template: src=a dest=b
            """)).isEqualTo("site.yml:4:7: a task can use only one module, found both 'copy' and 'template'");
    }

    @Test
    void taskWithoutModule() throws IOException {
        assertThat(describe("""
            - hosts: all
              tasks:
                - name: nothing
                  when: x
            """)).isEqualTo("site.yml:3:7: no module given in this task (keys: name, when)");
    }

    @Test
    void yamlSyntaxErrorHasProblemLocation() throws IOException {
        assertThat(describe("""
            - hosts: all
              tasks:
                - debug: msg: x
            """)).isEqualTo("site.yml:3:17: YAML syntax error: mapping values are not allowed here");
    }

    @Test
    void tabsAreReported() throws IOException {
        assertThat(describe("- hosts: all\n  tasks:\n\t- debug: msg=x\n")).startsWith("site.yml:3:1: YAML syntax error:")
            .contains("TAB");
    }

    @Test
    void duplicateKeysAreErrors() throws IOException {
        assertThat(describe("""
            - hosts: all
              tasks:
                - debug: msg=a
                  name: one
                  name: two
            """)).isEqualTo("site.yml:5:7: duplicate key 'name' (first defined at line 4)");
    }

    @Test
    void freeFormTextOnlyForFreeFormModules() throws IOException {
        assertThat(describe("""
            - hosts: all
              tasks:
                - debug: msg=hello world
            """)).isEqualTo("site.yml:3:14: module 'debug' takes key=value arguments, not free-form text: 'world'");
    }

    @Test
    void unbalancedQuotesInInlineArgs() throws IOException {
        assertThat(describe("""
            - hosts: all
              tasks:
                - copy: content="abc dest=/x
            """)).startsWith("site.yml:3:13: unbalanced quotes or Jinja block in arguments");
    }

    @Test
    void unknownPlayKeyword() throws IOException {
        assertThat(describe("""
            - hosts: all
              task:
                - debug: msg=x
            """)).isEqualTo("site.yml:2:3: 'task' is not a valid play keyword (did you mean 'tasks'?)");
    }

    @Test
    void moduleAtPlayLevelPointsToTasks() throws IOException {
        assertThat(describe("""
            - hosts: all
              debug: msg=x
            """)).isEqualTo("site.yml:2:3: 'debug' is not a valid play keyword (tasks go under 'tasks:')");
    }

    @Test
    void playNeedsHosts() throws IOException {
        assertThat(describe("""
            - name: no hosts
              tasks: []
            """)).isEqualTo("site.yml:1:3: a play needs 'hosts'");
    }

    @Test
    void playbookMustBeAList() throws IOException {
        assertThat(describe("hosts: all\n")).isEqualTo("site.yml:1:1: a playbook must be a list of plays, not a mapping");
        assertThat(describe("")).isEqualTo("site.yml:1:1: playbook is empty");
    }

    @Test
    void missingRoleNamesTheReference() throws IOException {
        assertThat(describe("""
            - hosts: all
              roles:
                - nosuchrole
            """)).startsWith("site.yml:3:7: role 'nosuchrole' not found");
    }

    @Test
    void errorInsideRoleFileNamesThatFile() throws IOException {
        write("roles/r/tasks/main.yml", "- name: bad\n  debug: msg=x\n  loop: {a: 1}\n");
        assertThat(describe("- hosts: all\n  roles: [r]\n"))
            .startsWith("roles/r/tasks/main.yml:3:9: a loop needs a list or a template giving a list, not a mapping".replace('/', java.io.File.separatorChar));
    }

    @Test
    void importCycleIsReported() throws IOException {
        write("a.yml", "- import_tasks: b.yml\n");
        write("b.yml", "- import_tasks: a.yml\n");
        assertThat(describe("- hosts: all\n  tasks:\n    - import_tasks: a.yml\n"))
            .contains("import cycle");
    }

    @Test
    void importPlaybookCycleIsReported() throws IOException {
        write("other.yml", "- import_playbook: site.yml\n");
        assertThat(describe("- import_playbook: other.yml\n")).contains("import cycle");
    }

    @Test
    void roleDependencyCycleIsReported() throws IOException {
        write("roles/a/meta/main.yml", "dependencies: [b]\n");
        write("roles/b/meta/main.yml", "dependencies: [a]\n");
        assertThat(describe("- hosts: all\n  roles: [a]\n")).contains("role dependency cycle: a -> b -> a");
    }

    @Test
    void missingImportFile() throws IOException {
        assertThat(describe("- hosts: all\n  tasks:\n    - import_tasks: nope.yml\n"))
            .startsWith("site.yml:3:21: import_tasks file 'nope.yml' not found");
    }

    @Test
    void importWithVariablesIsRejected() throws IOException {
        assertThat(describe("- hosts: all\n  tasks:\n    - import_tasks: \"{{ x }}.yml\"\n"))
            .contains("use include_tasks");
    }

    @Test
    void rescueWithoutBlock() throws IOException {
        assertThat(describe("- hosts: all\n  tasks:\n    - rescue: []\n"))
            .isEqualTo("site.yml:3:7: 'rescue' is only allowed together with 'block'");
    }

    @Test
    void blockWithModuleIsRejected() throws IOException {
        assertThat(describe("- hosts: all\n  tasks:\n    - block: []\n      debug: msg=x\n"))
            .isEqualTo("site.yml:4:7: 'debug' is not allowed on a block");
    }

    @Test
    void listenOnlyOnHandlers() throws IOException {
        assertThat(describe("- hosts: all\n  tasks:\n    - debug: msg=x\n      listen: t\n"))
            .isEqualTo("site.yml:4:7: 'listen' is only allowed on handlers");
    }

    @Test
    void delegateToOnlyLocalhost() throws IOException {
        assertThat(describe("- hosts: all\n  tasks:\n    - debug: msg=x\n      delegate_to: other\n"))
            .isEqualTo("site.yml:4:20: delegate_to: only 'localhost' is supported, not 'other'");
    }

    @Test
    void unsupportedMetaAction() throws IOException {
        assertThat(describe("- hosts: all\n  tasks:\n    - meta: refresh_inventory\n"))
            .startsWith("site.yml:3:13: meta: unsupported action 'refresh_inventory'");
    }

    @Test
    void unknownAliasIsReported() throws IOException {
        assertThat(describe("- hosts: all\n  vars:\n    a: *nope\n")).isEqualTo("site.yml:3:8: unknown alias '*nope'");
    }

    @Test
    void secondDocumentIsRejected() throws IOException {
        assertThat(describe("- hosts: all\n---\n- hosts: b\n")).contains("only one YAML document");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "serial: abc|'serial' must be a number of hosts or a percentage",
        "serial: 150%|'serial' must be a number of hosts or a percentage",
        "max_fail_percentage: 120|'max_fail_percentage' must be a number from 0 to 100",
        "gather_facts: maybe|'gather_facts' must be a boolean",
        "vars: [1, 2]|play 'vars' must be a mapping, not a list",
        "vars: {1bad: x}|invalid variable name '1bad'",
        "hosts: ''|'hosts' must not be empty",
        "tasks: {a: 1}|'tasks' must be a list, not a mapping",
        "tasks: [hello]|each entry of 'tasks' must be a mapping (a task), not a string",
        "vars_files: [[a, b]]|vars_files: lists of alternatives",
    })
    void playKeywordTypes(String line, String expected) throws IOException {
        String text = line.startsWith("hosts:") ? "- " + line + "\n" : "- hosts: all\n  " + line + "\n";
        assertThat(fail(text).getMessage()).contains(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
        "retries: -1|'retries' must be a non-negative integer",
        "retries: lots|'retries' must be a non-negative integer or a template",
        "register: 'my var'|'my var' is not a valid variable name",
        "loop: 5|a loop needs a list or a template giving a list, not an integer",
        "loop_control: {loop_var: x}|'loop_control' needs 'loop' or 'with_items'",
        "notify: {a: b}|'notify' must be a string, not a mapping",
        "ignore_errors: sometimes|'ignore_errors' must be a boolean",
        "when: []|X",
        "tags: [{a: b}]|tags must be a string or a list of strings",
        "environment: {A: [1]}|'environment' values must be strings",
        "args: [1]|'args' must be a mapping",
    })
    void taskKeywordTypes(String line, String expected) throws IOException {
        if (expected.equals("X")) {
            // An empty condition list is accepted (no conditions), as in Ansible.
            Path p = write("site.yml", "- hosts: all\n  tasks:\n    - debug: msg=x\n      " + line + "\n");
            new PlaybookParser().parse(p);
            return;
        }
        assertThat(fail("- hosts: all\n  tasks:\n    - debug: msg=x\n      " + line + "\n").getMessage())
            .contains(expected);
    }

    @Test
    void ansibleBuiltinPrefixIsAccepted() throws IOException {
        Path p = write("site.yml", "- hosts: all\n  tasks:\n    - ansible.builtin.shell: echo hi\n"
            + "    - rocketmq_topic: name=t\n");
        Playbook book = new PlaybookParser().parse(p);
        assertThat(book.plays().get(0).tasks()).extracting(t -> ((io.rmqfleet.controller.playbook.model.Task) t).action())
            .containsExactly("shell", "rocketmq_topic");
    }

    @Test
    void customCatalogRejectsOtherModules() throws IOException {
        Path p = write("site.yml", "- hosts: all\n  tasks:\n    - copy: src=a dest=b\n");
        ModuleCatalog onlyDebug = ModuleCatalog.of(java.util.Set.of("debug"), null);
        assertThatThrownBy(() -> new PlaybookParser(onlyDebug).parse(p))
            .isInstanceOf(InputException.class).hasMessageContaining("unknown keyword or module 'copy'");
    }
}
