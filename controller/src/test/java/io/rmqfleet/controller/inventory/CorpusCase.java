package io.rmqfleet.controller.inventory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * One inventory of the parity corpus (src/test/resources/inventory-corpus/NN-name/case.txt): its sources and the
 * hosts, graph groups and patterns whose Ansible output is compared. See record.sh there.
 */
record CorpusCase(Path dir, List<String> sources, List<String> hosts, List<String> graphs, List<String> patterns) {

    static Path corpusRoot() {
        Path base = Path.of(System.getProperty("basedir", "."));
        Path root = base.resolve("src/test/resources/inventory-corpus");
        if (!Files.isDirectory(root)) {
            root = base.resolve("controller/src/test/resources/inventory-corpus");
        }
        return root.toAbsolutePath().normalize();
    }

    static List<CorpusCase> all() {
        try (Stream<Path> dirs = Files.list(corpusRoot())) {
            return dirs.filter(d -> Files.isRegularFile(d.resolve("case.txt"))).sorted().map(CorpusCase::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static CorpusCase read(Path dir) {
        List<String> sources = new ArrayList<>();
        List<String> hosts = new ArrayList<>();
        List<String> graphs = new ArrayList<>();
        List<String> patterns = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(dir.resolve("case.txt"))) {
                int eq = line.indexOf('=');
                if (eq < 0) {
                    continue;
                }
                String value = line.substring(eq + 1);
                switch (line.substring(0, eq)) {
                    case "sources" -> sources.addAll(Arrays.asList(value.trim().split("\\s+")));
                    case "host" -> hosts.add(value);
                    case "graph" -> graphs.add(value);
                    case "pattern" -> patterns.add(value);
                    default -> throw new IllegalStateException("unknown key in " + dir + "/case.txt: " + line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CorpusCase(dir, sources, hosts, graphs, patterns);
    }

    String name() {
        return dir.getFileName().toString();
    }

    /** Sources as the tests pass them: files/directories absolute, host lists verbatim. */
    List<String> resolvedSources() {
        return sources.stream().map(s -> Files.exists(dir.resolve(s)) ? dir.resolve(s).toString() : s).toList();
    }

    Path expected(String file) {
        return dir.resolve("expected").resolve(file);
    }
}
