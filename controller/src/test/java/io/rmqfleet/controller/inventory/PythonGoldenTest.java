package io.rmqfleet.controller.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * INI value typing, host-line splitting and float formatting against what CPython really does
 * (golden files from src/test/resources/python-golden/record.py, run with Ansible's interpreter).
 */
class PythonGoldenTest {
    private static final Path GOLDEN = CorpusCase.corpusRoot().resolveSibling("python-golden");

    private static JsonNode load(String name) throws IOException {
        return InventoryViews.JSON.readTree(Files.readString(GOLDEN.resolve(name)));
    }

    @TestFactory
    Stream<DynamicTest> literalsAreTypedLikeAnsible() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode entry : load("literals.json")) {
            String input = entry.get("input").asText();
            String type = entry.path("type").asText("");
            if (type.equals("complex") || type.equals("ellipsis")) {
                continue; // Ansible cannot print these either (json.dumps fails); rmqfleet keeps the text
            }
            String label = "[" + (input.length() > 60 ? input.substring(0, 60) + "..." : input) + "]";
            tests.add(DynamicTest.dynamicTest(label, () -> {
                if (entry.has("error")) {
                    assertThatThrownBy(() -> PythonLiteral.parseValue(input)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("unhashable");
                    return;
                }
                Object value = PythonLiteral.parseValue(input);
                if (entry.get("json").has("float")) { // inf/-inf/nan have no JSON literal in the golden file
                    assertThat(PythonRepr.repr(value)).isEqualTo(entry.get("json").get("float").asText());
                    return;
                }
                JsonNode actual = InventoryViews.parse(PythonJson.dumps(value));
                assertThat(actual).as("JSON of %s", input).isEqualTo(entry.get("json"));
                switch (type) {
                    case "tuple" -> assertThat(value).isInstanceOf(PythonTuple.class);
                    case "str" -> assertThat(value).isInstanceOf(String.class);
                    case "int" -> assertThat(value).isInstanceOfAny(Long.class, java.math.BigInteger.class);
                    case "float" -> assertThat(value).isInstanceOf(Double.class);
                    default -> { }
                }
                if (!type.equals("str") && !type.equals("set")) {
                    assertThat(PythonRepr.repr(value)).as("repr of %s", input).isEqualTo(entry.get("repr").asText());
                }
            }));
        }
        assertThat(tests).hasSizeGreaterThan(130);
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> hostLinesSplitLikeShlex() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode entry : load("shlex.json")) {
            String input = entry.get("input").asText();
            tests.add(DynamicTest.dynamicTest(input, () -> {
                if (entry.has("error")) {
                    assertThatThrownBy(() -> PosixShlex.split(input)).isInstanceOf(IllegalArgumentException.class)
                        .hasMessage(entry.get("error").asText());
                } else {
                    List<String> expected = new ArrayList<>();
                    entry.get("tokens").forEach(t -> expected.add(t.asText()));
                    assertThat(PosixShlex.split(input)).isEqualTo(expected);
                }
            }));
        }
        return tests.stream();
    }

    @TestFactory
    Stream<DynamicTest> floatsPrintLikePythonRepr() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode entry : load("floats.json")) {
            double value = entry.get("value").asDouble();
            String repr = entry.get("repr").asText();
            tests.add(DynamicTest.dynamicTest(repr, () -> assertThat(PythonRepr.floatRepr(value)).isEqualTo(repr)));
        }
        return tests.stream();
    }
}
