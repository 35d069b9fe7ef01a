package io.rmqfleet.controller.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmqfleet.controller.input.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeded, deterministic mutation fuzzing of the INI, YAML and JSON parsers: every mutant of a corpus file either
 * loads or fails with an {@link InputException} that has a location in that file. Nothing else may escape.
 */
class InventoryFuzzTest {
    private static final long SEED = 20240601L;
    private static final int MUTANTS_PER_SEED_FILE = 60;
    private static final String SPECIAL = "[]:=\"'{}#;,-|&!*?~\\\t\n@<>%`$ \u00e9\u0000";

    @TempDir
    Path dir;

    @Test
    void mutantsParseOrFailWithALocation() throws IOException {
        List<Path> seeds = seedFiles();
        assertThat(seeds).hasSizeGreaterThan(30);
        Random random = new Random(SEED);
        int loaded = 0;
        int rejected = 0;
        int n = 0;
        for (Path seed : seeds) {
            String original = Files.readString(seed, StandardCharsets.UTF_8);
            String name = seed.getFileName().toString();
            for (int i = 0; i < MUTANTS_PER_SEED_FILE; i++) {
                String mutant = mutate(original, random);
                Path file = dir.resolve("m" + (n++)).resolve(name);
                Files.createDirectories(file.getParent());
                Files.write(file, mutant.getBytes(StandardCharsets.UTF_8)); // a split surrogate pair becomes '?'
                try {
                    Inventory inventory = Inventory.load(List.of(file));
                    new InventoryReport(inventory, null).listJson(); // output must not fail either
                    loaded++;
                } catch (InputException e) {
                    assertThat(e.location()).as("location of: %s\n%s", e.getMessage(), mutant).isNotNull();
                    assertThat(e.location().file()).as("file of: %s", e.getMessage()).startsWith(file.getParent().toString());
                    assertThat(e.location().line()).as("line of: %s\n%s", e.getMessage(), mutant).isPositive();
                    assertThat(e.describe()).doesNotContain("\n");
                    rejected++;
                } catch (RuntimeException | StackOverflowError e) {
                    throw new AssertionError("mutant " + file + " (seed " + seed + ") escaped with " + e + "\n---\n" + mutant, e);
                }
            }
        }
        System.out.printf("inventory fuzz: %d mutants of %d seed files: %d loaded, %d rejected with a location%n",
            loaded + rejected, seeds.size(), loaded, rejected);
        assertThat(loaded + rejected).isGreaterThanOrEqualTo(1000);
        assertThat(rejected).as("at least 1,000 malformed inputs rejected").isGreaterThanOrEqualTo(1000);
        assertThat(loaded).isGreaterThan(50);
    }

    private static List<Path> seedFiles() throws IOException {
        try (Stream<Path> files = Files.walk(CorpusCase.corpusRoot())) {
            return files.filter(Files::isRegularFile)
                .filter(p -> !p.toString().contains("/expected/") && !p.toString().contains("group_vars")
                    && !p.toString().contains("host_vars"))
                .filter(p -> {
                    String f = p.getFileName().toString();
                    return !f.equals("case.txt") && !f.endsWith(".sh") && !f.endsWith(".py") && !f.endsWith(".cfg");
                })
                .sorted().toList();
        }
    }

    /** One to four edits: insert/delete/replace characters, duplicate/drop/swap lines, truncate. */
    static String mutate(String text, Random random) {
        StringBuilder s = new StringBuilder(text);
        int edits = 1 + random.nextInt(4);
        for (int e = 0; e < edits; e++) {
            int pos = s.length() == 0 ? 0 : random.nextInt(s.length());
            switch (random.nextInt(8)) {
                case 0 -> s.insert(pos, SPECIAL.charAt(random.nextInt(SPECIAL.length())));
                case 1 -> {
                    if (s.length() > 0) {
                        s.deleteCharAt(pos);
                    }
                }
                case 2 -> {
                    if (s.length() > 0) {
                        s.setCharAt(pos, SPECIAL.charAt(random.nextInt(SPECIAL.length())));
                    }
                }
                case 3 -> s.setLength(pos);
                case 4 -> {
                    List<String> lines = new ArrayList<>(List.of(s.toString().split("\n", -1)));
                    int i = random.nextInt(lines.size());
                    lines.add(i, lines.get(random.nextInt(lines.size())));
                    s = new StringBuilder(String.join("\n", lines));
                }
                case 5 -> {
                    List<String> lines = new ArrayList<>(List.of(s.toString().split("\n", -1)));
                    lines.remove(random.nextInt(lines.size()));
                    s = new StringBuilder(String.join("\n", lines));
                }
                case 6 -> {
                    List<String> lines = new ArrayList<>(List.of(s.toString().split("\n", -1)));
                    int a = random.nextInt(lines.size());
                    int b = random.nextInt(lines.size());
                    String t = lines.get(a);
                    lines.set(a, lines.get(b));
                    lines.set(b, t);
                    s = new StringBuilder(String.join("\n", lines));
                }
                default -> s.insert(pos, List.of("[", "]", ":children", ":vars", "[1:", "{{", "&a", "*a", "<<: ", "!!int ",
                    "  - ", "\n  ", "=", "[x:y:z]", "\"", "'''", "\\").get(random.nextInt(17)));
            }
        }
        return s.toString();
    }
}
