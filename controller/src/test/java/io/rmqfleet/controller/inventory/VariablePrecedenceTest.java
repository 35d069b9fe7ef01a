package io.rmqfleet.controller.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Ansible's inventory variable precedence, level by level. */
class VariablePrecedenceTest {
    @TempDir
    Path dir;

    @Test
    void eachLevelOverridesTheOneBelow() {
        TempInventory inv = new TempInventory(dir)
            .file("hosts", """
                [parent:children]
                child
                [child]
                h1 x=host_inline
                h2
                [all:vars]
                x=all
                [parent:vars]
                x=parent
                [child:vars]
                x=child
                """);
        assertThat(inv.load("hosts").hostVars("h1").get("x")).isEqualTo("host_inline");
        assertThat(inv.load("hosts").hostVars("h2").get("x")).isEqualTo("child");

        inv.file("group_vars/all.yml", "x: gv_all\n");
        // group_vars/all beats every inventory-file group var
        assertThat(inv.load("hosts").hostVars("h2").get("x")).isEqualTo("gv_all");
        inv.file("group_vars/parent.yml", "x: gv_parent\n");
        assertThat(inv.load("hosts").hostVars("h2").get("x")).isEqualTo("gv_parent");
        inv.file("group_vars/child.yml", "x: gv_child\n");
        assertThat(inv.load("hosts").hostVars("h2").get("x")).isEqualTo("gv_child");
        // the host's own inventory vars beat group_vars/
        assertThat(inv.load("hosts").hostVars("h1").get("x")).isEqualTo("host_inline");
        inv.file("host_vars/h1.yml", "x: hv\n");
        assertThat(inv.load("hosts").hostVars("h1").get("x")).isEqualTo("hv");
    }

    @Test
    void siblingsByPriorityThenName() {
        TempInventory inv = new TempInventory(dir).file("hosts", """
            [b]
            h1
            [a]
            h1
            [a:vars]
            x=a
            [b:vars]
            x=b
            """);
        assertThat(inv.load("hosts").hostVars("h1").get("x")).as("same depth: name order, b last").isEqualTo("b");
        inv.file("hosts", """
            [b]
            h1
            [a]
            h1
            [a:vars]
            x=a
            ansible_group_priority=2
            [b:vars]
            x=b
            """);
        Inventory inventory = inv.load("hosts");
        assertThat(inventory.hostVars("h1").get("x")).as("higher priority wins").isEqualTo("a");
        assertThat(inventory.hostVars("h1")).doesNotContainKey("ansible_group_priority");
        assertThat(inventory.group("a").orElseThrow().priority()).isEqualTo(2);
        assertThat(inventory.groupVars("a")).containsEntry("ansible_group_priority", 2L);
    }

    @Test
    void deeperGroupWinsOverPriorityOfShallowerOne() {
        Inventory inventory = new TempInventory(dir).file("hosts", """
            [top:children]
            deep
            [deep]
            h1
            [flat]
            h1
            [deep:vars]
            x=deep
            [flat:vars]
            x=flat
            ansible_group_priority=99
            """).load("hosts");
        assertThat(inventory.group("deep").orElseThrow().depth()).isEqualTo(2);
        assertThat(inventory.hostVars("h1").get("x")).isEqualTo("deep");
    }

    @Test
    void groupVarsAreAppliedSourceBySource() {
        // Ansible loops sources outside groups: site-b's lowest group beats site-a's deepest group.
        Inventory inventory = new TempInventory(dir)
            .file("a/hosts", "[parent:children]\nchild\n[child]\nh1\n")
            .file("a/group_vars/child.yml", "x: a_child\n")
            .file("b/hosts.yml", "parent:\n  hosts:\n    h1:\n")
            .file("b/group_vars/parent.yml", "x: b_parent\n")
            .load("a/hosts", "b/hosts.yml");
        assertThat(inventory.hostVars("h1").get("x")).isEqualTo("b_parent");
    }

    @Test
    void dictionariesAreReplacedNotMerged() {
        Inventory inventory = new TempInventory(dir).file("inv.yml", """
            all:
              vars:
                d: {a: 1, b: 2}
              hosts:
                h1:
                  d: {c: 3}
            """).load("inv.yml");
        assertThat(inventory.hostVars("h1").get("d")).isEqualTo(java.util.Map.of("c", 3L));
    }

    @Test
    void firstMatchingVarsFileNameWinsAndDirectoriesMergeInOrder() {
        Inventory inventory = new TempInventory(dir)
            .file("hosts", "[web]\nh1\n")
            .file("group_vars/web/10.yml", "x: ten\ny: ten\n")
            .file("group_vars/web/20", "y: twenty\n")
            .file("group_vars/web/skip.txt", "x: txt\n")
            .file("group_vars/web.yml", "x: never\n")
            .load("hosts");
        assertThat(inventory.hostVars("h1")).containsEntry("x", "ten").containsEntry("y", "twenty");
    }

    @Test
    void ownVarsAndGroupNames() {
        Inventory inventory = new TempInventory(dir).file("hosts", """
            lonely
            [web]
            h1:2222 role=front
            [app:children]
            web
            """).load("hosts");
        Host h1 = inventory.host("h1").orElseThrow();
        assertThat(h1.vars()).containsEntry("ansible_port", 2222L).containsEntry("role", "front");
        assertThat(inventory.groupNames("h1")).isEqualTo(List.of("app", "web"));
        assertThat(inventory.groupNames("lonely")).as("Ansible keeps 'ungrouped'").isEqualTo(List.of("ungrouped"));
        assertThat(inventory.groupsMap()).containsEntry("all", List.of("lonely", "h1"))
            .containsEntry("app", List.of("h1")).containsEntry("ungrouped", List.of("lonely"));
        assertThat(inventory.magicVars("h1")).containsEntry("inventory_hostname_short", "h1")
            .containsEntry("inventory_file", dir.resolve("hosts").toString());
    }
}
