package io.rmqfleet.controller.playbook.vars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rmqfleet.controller.input.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtraVarsTest {

    @TempDir
    Path dir;

    @Test
    void keyValuesAreStringsAndLaterWin() {
        assertThat(ExtraVars.parse(List.of("a=1 b='x y'", "a=2")))
            .containsExactlyInAnyOrderEntriesOf(Map.of("a", "2", "b", "x y"));
    }

    @Test
    void inlineJsonAndYamlKeepTypes() {
        assertThat(ExtraVars.parse(List.of("{\"n\": 1, \"l\": [true]}", "{m: yes}")))
            .containsExactlyInAnyOrderEntriesOf(Map.of("n", 1, "l", List.of(true), "m", true));
    }

    @Test
    void filesWithAt() throws IOException {
        Path yml = dir.resolve("v.yml");
        Files.writeString(yml, "heap: 1g\nports: [1, 2]\n");
        Path json = dir.resolve("v.json");
        Files.writeString(json, "{\"heap\": \"2g\"}");
        assertThat(ExtraVars.parse(List.of("@" + yml, "@" + json)))
            .containsExactlyInAnyOrderEntriesOf(Map.of("heap", "2g", "ports", List.of(1, 2)));
    }

    @Test
    void badValuesAreInputErrors() throws IOException {
        assertThatThrownBy(() -> ExtraVars.parse(List.of("plain words"))).isInstanceOf(InputException.class)
            .hasMessageContaining("must be key=value pairs");
        assertThatThrownBy(() -> ExtraVars.parse(List.of("[1, 2]"))).isInstanceOf(InputException.class)
            .hasMessageContaining("must be a mapping, not a list");
        assertThatThrownBy(() -> ExtraVars.parse(List.of("@" + dir.resolve("missing.yml"))))
            .isInstanceOf(InputException.class).hasMessage("file not found");
        Path bad = dir.resolve("bad.yml");
        Files.writeString(bad, "a: 1\n b: 2\n");
        assertThatThrownBy(() -> ExtraVars.parse(List.of("@" + bad))).isInstanceOf(InputException.class)
            .satisfies(e -> assertThat(((InputException) e).location().line()).isEqualTo(2));
    }
}
