package io.rmqfleet.controller.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Parity with Ansible without Ansible: rmqfleet's {@code inventory --list/--host/--graph} and host pattern results
 * for every corpus inventory against the golden files record.sh took from the real ansible-inventory 2.14.
 */
class InventoryCorpusTest {

    @Test
    void corpusIsLargeEnoughAndRecorded() {
        List<CorpusCase> cases = CorpusCase.all();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(30);
        for (CorpusCase c : cases) {
            assertThat(c.expected("list.json")).as(c.name() + " was recorded (run record.sh)").exists();
            assertThat(c.expected("patterns.json")).exists();
        }
    }

    @TestFactory
    Stream<DynamicNode> eachCaseMatchesAnsible() {
        return CorpusCase.all().stream().map(c -> DynamicContainer.dynamicContainer(c.name(), checks(c)));
    }

    static List<DynamicNode> checks(CorpusCase c) {
        List<DynamicNode> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("--list", () -> InventoryViews.assertSameJson(c.name() + " --list",
            read(c.expected("list.json")), InventoryViews.cli(c, "--list"))));
        tests.add(DynamicTest.dynamicTest("--graph", () -> InventoryViews.assertSameText(c.name() + " --graph",
            read(c.expected("graph.all.txt")), InventoryViews.cli(c, "--graph"))));
        tests.add(DynamicTest.dynamicTest("--graph --vars", () -> InventoryViews.assertSameText(c.name() + " --graph --vars",
            read(c.expected("graph-vars.all.txt")), InventoryViews.cli(c, "--graph", "--vars"))));
        for (int i = 0; i < c.graphs().size(); i++) {
            String group = c.graphs().get(i);
            Path expected = c.expected("graph." + (i + 1) + ".txt");
            tests.add(DynamicTest.dynamicTest("--graph " + group, () -> InventoryViews.assertSameText(
                c.name() + " --graph " + group, read(expected), InventoryViews.cli(c, "--graph", group))));
        }
        for (int i = 0; i < c.hosts().size(); i++) {
            String host = c.hosts().get(i);
            Path expected = c.expected("host." + (i + 1) + ".json");
            tests.add(DynamicTest.dynamicTest("--host " + host, () -> InventoryViews.assertSameJson(
                c.name() + " --host " + host, read(expected), InventoryViews.cli(c, "--host", host))));
        }
        if (!c.patterns().isEmpty()) {
            tests.add(DynamicTest.dynamicTest("patterns", () -> InventoryViews.assertSamePatterns(c.name(),
                read(c.expected("patterns.json")), InventoryViews.patterns(c))));
        }
        return tests;
    }

    static String read(Path file) throws IOException {
        return Files.readString(file);
    }
}
