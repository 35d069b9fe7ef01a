package io.rmqfleet.controller.playbook.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rmqfleet.controller.input.InputException;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class YamlLoaderTest {

    private static Object value(String yamlValue) {
        YamlMap m = (YamlMap) YamlLoader.load("t.yml", "v: " + yamlValue + "\n");
        return m.get("v").toPlain();
    }

    /** PyYAML's YAML 1.1 resolution, which is what Ansible sees. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "yes|java.lang.Boolean|true", "No|java.lang.Boolean|false", "on|java.lang.Boolean|true",
        "OFF|java.lang.Boolean|false", "true|java.lang.Boolean|true", "'yes'|java.lang.String|yes",
        "y|java.lang.String|y", "0755|java.lang.Integer|493", "0x1F|java.lang.Integer|31", "1_000|java.lang.Integer|1000",
        "-12|java.lang.Integer|-12", "1.5|java.lang.Double|1.5", "1e3|java.lang.String|1e3", "\"1\"|java.lang.String|1",
        "0o17|java.lang.String|0o17", "3000000000|java.lang.Long|3000000000", "abc|java.lang.String|abc",
    })
    void resolvesScalarsLikePyYaml(String yaml, String type, String text) {
        Object v = value(yaml);
        assertThat(v.getClass().getName()).isEqualTo(type);
        assertThat(String.valueOf(v)).isEqualTo(text);
    }

    @Test
    void specialScalars() {
        assertThat(value("~")).isNull();
        assertThat(value("")).isNull();
        assertThat(value("''")).isEqualTo("");
        assertThat(value(".inf")).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(value("-.inf")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat((Double) value(".nan")).isNaN();
        assertThat(value("99999999999999999999")).isEqualTo(new BigInteger("99999999999999999999"));
        assertThat(value("|\n  a\n  b")).isEqualTo("a\nb\n");
    }

    @Test
    void keepsLocationsOfEveryNode() {
        YamlNode root = YamlLoader.load("x.yml", "- name: a\n  tasks:\n    - debug: msg=1\n");
        YamlMap play = (YamlMap) ((YamlList) root).items().get(0);
        assertThat(play.location().line()).isEqualTo(1);
        assertThat(play.location().column()).isEqualTo(3);
        assertThat(play.entry("tasks").key().location().line()).isEqualTo(2);
        YamlMap task = (YamlMap) ((YamlList) play.get("tasks")).items().get(0);
        assertThat(task.location().toString()).isEqualTo("x.yml:3:7");
        assertThat(task.get("debug").location().toString()).isEqualTo("x.yml:3:14");
    }

    @Test
    void anchorsAliasesAndMergeKeys() {
        YamlMap m = (YamlMap) YamlLoader.load("t.yml",
            "base: &b {x: 1, y: 2}\nref: *b\nmerged:\n  <<: *b\n  y: 3\nmany:\n  <<: [*b, {z: 4}]\n");
        assertThat(m.get("ref").toPlain()).isEqualTo(Map.of("x", 1, "y", 2));
        assertThat(m.get("merged").toPlain()).isEqualTo(Map.of("x", 1, "y", 3));
        assertThat(m.get("many").toPlain()).isEqualTo(Map.of("x", 1, "y", 2, "z", 4));
        assertThat(((YamlMap) m.get("merged")).keys()).containsExactly("y", "x");
    }

    @Test
    void aliasBombsAreRefused() {
        StringBuilder s = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 8; i++) {
            s.append("a").append(i).append(": &a").append(i).append(" [");
            s.append(String.join(", ", java.util.Collections.nCopies(10, "*a" + (i - 1)))).append("]\n");
        }
        assertThatThrownBy(() -> YamlLoader.load("bomb.yml", s.toString()))
            .isInstanceOf(InputException.class).hasMessageContaining("too many aliases");
    }

    @Test
    void errorsAreOneLineWithProblemPosition() {
        assertThatThrownBy(() -> YamlLoader.load("e.yml", "a: [1, 2\n"))
            .isInstanceOf(InputException.class)
            .satisfies(e -> assertThat(((InputException) e).describe())
                .isEqualTo("e.yml:2:1: YAML syntax error: expected ',' or ']', but got <stream end>"
                    + " (while parsing a flow sequence)"));
        assertThatThrownBy(() -> YamlLoader.load("e.yml", "? [a]\n: 1\n")).isInstanceOf(InputException.class)
            .hasMessageContaining("mapping keys must be plain scalars");
        assertThatThrownBy(() -> YamlLoader.load("e.yml", "a: 1\na: 2\n")).isInstanceOf(InputException.class)
            .hasMessage("duplicate key 'a' (first defined at line 1)");
        assertThatThrownBy(() -> YamlLoader.load(java.nio.file.Path.of("/nonexistent/x.yml")))
            .isInstanceOf(InputException.class).hasMessage("file not found");
    }

    @Test
    void emptyDocumentIsNull() {
        assertThat(YamlLoader.load("e.yml", "").toPlain()).isNull();
        assertThat(YamlLoader.load("e.yml", "# only a comment\n").toPlain()).isNull();
        assertThat(YamlLoader.load("l.yml", "[1, [2]]").toPlain()).isEqualTo(List.of(1, List.of(2)));
    }
}
