package io.rmqfleet.controller.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.rmqfleet.testbed.TestBed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/** The {@code .rmqfleet/testbed/} directory: state.json beside the key, known_hosts and inventory of the bed. */
final class TestbedStateStore {
    private static final ObjectMapper JSON = JsonMapper.builder()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .build();

    private final Path dir;

    TestbedStateStore(Path dir) {
        this.dir = dir;
    }

    Path dir() {
        return dir;
    }

    Path stateFile() {
        return dir.resolve("state.json");
    }

    Optional<TestbedState> read() {
        Path file = stateFile();
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), TestbedState.class));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + file + " (" + e.getMessage()
                + "); remove the test bed with 'rmqfleet testbed down'", e);
        }
    }

    void write(TestbedState state) throws IOException {
        Files.createDirectories(dir);
        Path temp = dir.resolve("state.json.tmp");
        JSON.writeValue(temp.toFile(), state);
        Files.move(temp, stateFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Deletes the files the bed and this store wrote; the directory too when nothing else is left in it. */
    void deleteAll() throws IOException {
        TestBed.BedFiles files = TestBed.BedFiles.in(dir);
        for (Path file : new Path[] {stateFile(), files.privateKey(), files.publicKey(), files.knownHosts(),
            files.inventory()}) {
            Files.deleteIfExists(file);
        }
        if (Files.isDirectory(dir)) {
            try (var left = Files.list(dir)) {
                if (left.findAny().isEmpty()) {
                    Files.delete(dir);
                }
            }
        }
    }
}
