package io.rmqfleet.controller.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.rmqfleet.controller.input.InputException;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Malformed inventories are reported as file:line:col with Ansible's wording where Ansible has one. */
class InventoryErrorsTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "hosts|[web:unknown]\\nh1|1:1|Section [web:unknown] has unknown type: unknown",
        "hosts|[web]\\n[bad name]|2:1|Invalid section entry: '[bad name]'",
        "hosts|h0\\n[g:vars]\\nx=1|2:1|Section [g:vars] not valid for undefined group: g",
        "hosts|[p:children]\\n  missing|2:1|Section [p:children] includes undefined group: missing",
        "hosts|[g]\\nh1\\n[g:vars]\\n  novalue|4:3|Expected key=value, got: novalue",
        "hosts|h1 a=\"unterminated|1:1|No closing quotation",
        "hosts|h1 a=1 notkv|1:8|Expected key=value host variable assignment, got: notkv",
        "hosts.ini|h1:|1:1|ending in ':' is not allowed",
        "hosts.ini|---\\nall:|1:1|'---' is normally a sign this is a YAML file",
        "hosts|[g]\\nn[1:a]|2:1|invalid literal for int()",
        "hosts|h1 x={[1]:2}|1:1|unhashable type: 'list'",
        "hosts|[a:children]\\nb\\n[b:children]\\na|4:1|creates a recursive dependency loop",
        "hosts|[g]\\nh1\\n[g:vars]\\nansible_group_priority=high|4:1|invalid literal for int() with base 10: 'high'",
        "inv.yml|all:\\n  hosts: [a, b]|2:10|Invalid \"hosts\" entry for \"all\" group, requires a dictionary",
        "inv.yml|web:\\n  hosts:\\n    h1: notamap|3:9|expected dictionary and got: notamap",
        "inv.yml|web:\\n  hosts:\\n    42:|3:5|Host pattern 42 must be a string",
        "inv.yml|web:\\n  hosts: [|2:11|YAML syntax error",
        "inv.yml|plugin: aws_ec2\\nregions: [x]|1:9|Plugin configuration YAML file",
        "inv.yml|- a\\n- b|1:1|it should be a dictionary",
        "inv.yml|web:\\n  vars:\\n    x: !vault abc|3:8|could not determine a constructor for the tag '!vault'",
        "inv.yml|yes:\\n  hosts:\\n    h1:|1:1|Invalid group name supplied, expected a string",
        "inv.json|{\"web\": {\"hosts\": {\"h1\": [1]}}}|1:26|expected dictionary and got: [1]",
    })
    void reportsWhereAndWhat(String fileName, String content, String lineCol, String message) throws Exception {
        Path file = dir.resolve(fileName);
        java.nio.file.Files.writeString(file, content.replace("\\n", "\n"));
        InputException e = catchThrowableOfType(InputException.class, () -> Inventory.load(java.util.List.of(file)));
        assertThat(e).as("an InputException").isNotNull();
        assertThat(e.getMessage()).contains(message);
        assertThat(e.describe()).startsWith(file + ":" + lineCol + ": ");
        assertThat(e.describe()).doesNotContain("\n");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "group_vars/all.yml|- not\\n- a mapping|vars files must hold a mapping",
        "group_vars/all.yml|x: [unclosed|YAML syntax error",
        "host_vars/h1.yml|a: !!int nope|invalid literal",
    })
    void reportsBadVarsFiles(String fileName, String content, String message) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("hosts"), "h1\n");
        Path file = dir.resolve(fileName);
        java.nio.file.Files.createDirectories(file.getParent());
        java.nio.file.Files.writeString(file, content.replace("\\n", "\n"));
        InputException e = catchThrowableOfType(InputException.class, () -> Inventory.load(java.util.List.of(dir.resolve("hosts"))));
        assertThat(e).isNotNull();
        assertThat(e.getMessage()).contains(message);
        assertThat(e.location().file()).isEqualTo(file.toString());
        assertThat(e.location().line()).isPositive();
    }

    @org.junit.jupiter.api.Test
    void missingSourceIsReported() {
        InputException e = catchThrowableOfType(InputException.class,
            () -> Inventory.load(java.util.List.of(dir.resolve("nope"))));
        assertThat(e.getMessage()).contains("inventory source not found");
    }

    @org.junit.jupiter.api.Test
    void invalidUtf8OutsideCommentsIsReported() throws Exception {
        Path file = dir.resolve("hosts");
        java.nio.file.Files.write(file, new byte[] {'#', ' ', (byte) 0xff, '\n', 'h', (byte) 0xfe, '\n'});
        InputException e = catchThrowableOfType(InputException.class, () -> Inventory.load(java.util.List.of(file)));
        assertThat(e.location().line()).isEqualTo(2);
        assertThat(e.getMessage()).contains("invalid UTF-8");
    }
}
