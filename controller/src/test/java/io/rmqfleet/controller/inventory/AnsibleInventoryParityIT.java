package io.rmqfleet.controller.inventory;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Live parity with the installed Ansible: for every corpus inventory, runs {@code ansible-inventory --list},
 * {@code --host}, {@code --graph [GROUP]}, {@code --graph --vars} and Ansible's pattern matcher
 * (ansible_patterns.py), and compares with {@code rmqfleet inventory}. Any difference fails. Skipped when
 * ansible-inventory is not installed (the golden-file twin, InventoryCorpusTest, still runs then).
 */
class AnsibleInventoryParityIT {
    private static Path ansibleInventory;
    private static String python;

    @BeforeAll
    static void findAnsible() throws IOException {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path candidate = Path.of(dir, "ansible-inventory");
            if (Files.isExecutable(candidate)) {
                ansibleInventory = candidate;
                break;
            }
        }
        if (ansibleInventory != null) {
            String shebang = Files.readAllLines(ansibleInventory).get(0);
            python = shebang.replaceFirst("^#!\\s*", "").split("\\s+")[0];
        }
    }

    @TestFactory
    Stream<DynamicNode> everyCorpusInventoryMatchesLiveAnsible() {
        assumeTrue(ansibleInventory != null, "ansible-inventory is not installed");
        return CorpusCase.all().stream().map(c -> DynamicContainer.dynamicContainer(c.name(), checks(c)));
    }

    private static List<DynamicNode> checks(CorpusCase c) {
        List<DynamicNode> tests = new ArrayList<>();
        tests.add(DynamicTest.dynamicTest("--list", () -> InventoryViews.assertSameJson(c.name() + " --list",
            ansible(c, "--list"), InventoryViews.cli(c, "--list"))));
        tests.add(DynamicTest.dynamicTest("--graph", () -> InventoryViews.assertSameText(c.name() + " --graph",
            ansible(c, "--graph"), InventoryViews.cli(c, "--graph"))));
        tests.add(DynamicTest.dynamicTest("--graph --vars", () -> InventoryViews.assertSameText(c.name() + " --graph --vars",
            ansible(c, "--graph", "--vars"), InventoryViews.cli(c, "--graph", "--vars"))));
        for (String group : c.graphs()) {
            tests.add(DynamicTest.dynamicTest("--graph " + group, () -> InventoryViews.assertSameText(
                c.name() + " --graph " + group, ansible(c, "--graph", group), InventoryViews.cli(c, "--graph", group))));
        }
        for (String host : c.hosts()) {
            tests.add(DynamicTest.dynamicTest("--host " + host, () -> InventoryViews.assertSameJson(
                c.name() + " --host " + host, ansible(c, "--host", host), InventoryViews.cli(c, "--host", host))));
        }
        if (!c.patterns().isEmpty()) {
            tests.add(DynamicTest.dynamicTest("patterns", () -> InventoryViews.assertSamePatterns(c.name(),
                ansiblePatterns(c), InventoryViews.patterns(c))));
        }
        return tests;
    }

    private static String ansible(CorpusCase c, String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(ansibleInventory.toString());
        for (String s : c.sources()) {
            command.add("-i");
            command.add(s);
        }
        command.addAll(List.of(args));
        return run(c, command, null);
    }

    private static String ansiblePatterns(CorpusCase c) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(python);
        command.add(CorpusCase.corpusRoot().resolve("ansible_patterns.py").toString());
        command.addAll(c.sources());
        return run(c, command, String.join("\n", c.patterns()) + "\n");
    }

    private static String run(CorpusCase c, List<String> command, String stdin) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(c.dir().toFile());
        pb.environment().put("ANSIBLE_CONFIG", CorpusCase.corpusRoot().resolve("ansible-defaults.cfg").toString());
        pb.environment().put("ANSIBLE_NOCOLOR", "1");
        pb.environment().put("ANSIBLE_DEPRECATION_WARNINGS", "0");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = pb.start();
        if (stdin != null) {
            process.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        process.getOutputStream().close();
        byte[] out = process.getInputStream().readAllBytes();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out: " + command);
        }
        if (process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " exited " + process.exitValue() + " in " + c.dir());
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
