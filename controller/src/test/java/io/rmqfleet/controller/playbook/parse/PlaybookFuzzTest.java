package io.rmqfleet.controller.playbook.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmqfleet.controller.input.InputException;
import io.rmqfleet.controller.playbook.model.Playbook;
import io.rmqfleet.controller.playbook.plan.PlanOptions;
import io.rmqfleet.controller.playbook.plan.Planner;
import io.rmqfleet.controller.playbook.template.Templar;
import io.rmqfleet.controller.playbook.vars.FakeInventory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Seeded mutations of the valid fixture playbook (and its role and task files): every result must either parse
 * (and plan) or fail with an {@link InputException} that carries a location and a one-line message. Nothing
 * else may escape: no NullPointerException, ClassCastException, StackOverflowError, Jackson exception.
 */
class PlaybookFuzzTest {

    private static final int CASES = 1500;
    private static final long SEED = 20_240_611L;

    private static final String[] TOKENS = {
        ":", ": ", "- ", "-", "{", "}", "[", "]", "\"", "'", "&a ", "*a", "!!str ", "!!int ", "\t", "  ", "\n", "#",
        "|", ">", "{{", "}}", "{% if %}", "{{ x | }}", "%", "@", "`", "? ", "<<: *a\n", "---\n", "...\n", "\u0000",
        "\uFFFE", "é", "\r", ",", "~", "=", "k=v ", "include_tasks: x.yml", "block:", "rescue:", "\\", "&a [1]",
        "import_tasks: tasks/imported.yml", "import_playbook: site.yml", "roles: [broker]", "role: nosuch",
    };

    private static final String[] VALUES = {
        "[1, 2]", "{a: 1}", "~", "yes", "-1", "99999999999999999999", "''", "\"{{ }}\"", "[[]]", "{}", "0x", "1.5",
        "!!binary aGk=", "*undefined_alias", "&x y", "\"\\x\"", "[a, {b: [c, {d: e}]}]",
    };

    private static final String[] KEYWORDS = {
        "hosts", "tasks", "name", "when", "loop", "with_items", "loop_control", "register", "block", "rescue",
        "always", "roles", "role", "vars", "vars_files", "serial", "tags", "notify", "listen", "handlers",
        "import_tasks", "include_tasks", "debug", "command", "shell", "copy", "meta", "set_fact", "become",
        "delegate_to", "retries", "until", "delay", "args", "pre_tasks", "post_tasks", "gather_facts", "whatever",
    };

    @Test
    void malformedPlaybooksOnlyEverFailWithInputException() throws IOException {
        Path base = Fixtures.playbook("full/site.yml").getParent();
        List<Path> mutable = new ArrayList<>();
        try (Stream<Path> files = Files.walk(base)) {
            files.filter(p -> p.toString().endsWith(".yml")).sorted().forEach(mutable::add);
        }
        String site = Files.readString(base.resolve("site.yml"));
        Random random = new Random(SEED);
        FakeInventory inventory = new FakeInventory().group("brokers", "b1", "b2", "b3").group("ns", "n1");
        Planner planner = new Planner(Templar.shared());
        int errors = 0;
        for (int i = 0; i < CASES; i++) {
            // One file is replaced by a mutated copy, in memory; the rest of the fixture is read from disk.
            Path victim = random.nextInt(5) > 0 ? base.resolve("site.yml") : mutable.get(random.nextInt(mutable.size()));
            String input = mutate(victim.equals(base.resolve("site.yml")) ? site : Files.readString(victim), random);
            String what = "mutation " + i + " of " + base.relativize(victim);
            try {
                Playbook book = new PlaybookParser(ModuleCatalog.defaults(), overlay(victim, input))
                    .parse(base.resolve("site.yml"));
                planner.plan(inventory, book, PlanOptions.DEFAULTS);
            } catch (InputException e) {
                errors++;
                assertThat(e.location()).as(what).isNotNull();
                assertThat(e.location().file()).as(what).isNotBlank();
                assertThat(e.describe()).as(what).doesNotContain("\n");
                assertThat(e.getMessage()).as(what).isNotBlank();
            } catch (Throwable t) {
                throw new AssertionError(what + " escaped as " + t + "\n--- input ---\n" + input, t);
            }
        }
        // The mutations must actually break things most of the time, or this test proves nothing.
        assertThat(errors).as("inputs rejected").isGreaterThan(CASES / 2);
    }

    /** The fixture on disk with one file's content replaced. */
    private static SourceFiles overlay(Path replaced, String content) {
        return new SourceFiles() {
            @Override
            public String read(Path file) {
                return file.normalize().equals(replaced.normalize()) ? content : SourceFiles.DISK.read(file);
            }

            @Override
            public boolean isFile(Path path) {
                return SourceFiles.DISK.isFile(path);
            }

            @Override
            public boolean isDirectory(Path path) {
                return SourceFiles.DISK.isDirectory(path);
            }
        };
    }

    static String mutate(String text, Random random) {
        String s = text;
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            s = mutateOnce(s, random);
        }
        return s;
    }

    private static String mutateOnce(String s, Random random) {
        if (s.isEmpty()) {
            return TOKENS[random.nextInt(TOKENS.length)];
        }
        int at = random.nextInt(s.length());
        List<String> lines = new ArrayList<>(List.of(s.split("\n", -1)));
        int line = random.nextInt(lines.size());
        switch (random.nextInt(10)) {
            case 0 -> {
                int end = Math.min(s.length(), at + 1 + random.nextInt(20));
                return s.substring(0, at) + s.substring(end);
            }
            case 1 -> {
                return s.substring(0, at) + TOKENS[random.nextInt(TOKENS.length)] + s.substring(at);
            }
            case 2 -> {
                lines.add(line, lines.get(line));
                return String.join("\n", lines);
            }
            case 3 -> {
                int other = random.nextInt(lines.size());
                String tmp = lines.get(line);
                lines.set(line, lines.get(other));
                lines.set(other, tmp);
                return String.join("\n", lines);
            }
            case 4 -> {
                String l = lines.get(line);
                int delta = random.nextInt(9) - 4;
                lines.set(line, delta >= 0 ? " ".repeat(delta) + l : l.substring(Math.min(l.length(),
                    l.length() - l.stripLeading().length() > 0 ? Math.min(-delta, l.length() - l.stripLeading()
                        .length()) : 0)));
                return String.join("\n", lines);
            }
            case 5 -> {
                String l = lines.get(line);
                int colon = l.indexOf(':');
                if (colon > 0) {
                    String indent = l.substring(0, l.length() - l.stripLeading().length());
                    boolean dash = l.stripLeading().startsWith("- ");
                    lines.set(line, indent + (dash ? "- " : "") + KEYWORDS[random.nextInt(KEYWORDS.length)]
                        + l.substring(colon));
                }
                return String.join("\n", lines);
            }
            case 6 -> {
                String l = lines.get(line);
                int colon = l.indexOf(": ");
                if (colon > 0) {
                    lines.set(line, l.substring(0, colon + 2) + VALUES[random.nextInt(VALUES.length)]);
                }
                return String.join("\n", lines);
            }
            case 7 -> {
                return s.substring(0, at);
            }
            case 8 -> {
                int end = Math.min(lines.size(), line + 1 + random.nextInt(6));
                List<String> chunk = new ArrayList<>(lines.subList(line, end));
                lines.addAll(end, chunk);
                return String.join("\n", lines);
            }
            default -> {
                char[] chars = s.toCharArray();
                chars[at] = (char) (32 + random.nextInt(95));
                return new String(chars);
            }
        }
    }
}
