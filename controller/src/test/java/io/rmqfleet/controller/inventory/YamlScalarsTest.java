package io.rmqfleet.controller.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rmqfleet.controller.input.InputException;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** YAML 1.1 typing like PyYAML, anchors, merge keys and locations. */
class YamlScalarsTest {

    private static Object value(String yaml) {
        DataNode node = YamlReader.read("v: " + yaml + "\n", "t.yml", w -> { });
        return ((DataNode.Mapping) node).toValue().get("v");
    }

    @Test
    void booleansAreYaml11() {
        assertThat(value("yes")).isEqualTo(true);
        assertThat(value("Off")).isEqualTo(false);
        assertThat(value("y")).isEqualTo("y");
        assertThat(value("\"yes\"")).isEqualTo("yes");
    }

    @Test
    void integers() {
        assertThat(value("017")).isEqualTo(15L);
        assertThat(value("0o17")).isEqualTo("0o17");
        assertThat(value("0x1F")).isEqualTo(31L);
        assertThat(value("-0b101")).isEqualTo(-5L);
        assertThat(value("1_000")).isEqualTo(1000L);
        assertThat(value("1:30")).isEqualTo(90L);
        assertThat(value("123456789012345678901234567890")).isEqualTo(new BigInteger("123456789012345678901234567890"));
        assertThat(value("!!int '42'")).isEqualTo(42L);
    }

    @Test
    void floatsNeedADotAndASignedExponent() {
        assertThat(value("1e3")).isEqualTo("1e3");
        assertThat(value("1.0e3")).isEqualTo("1.0e3");
        assertThat(value("1.0e+3")).isEqualTo(1000.0);
        assertThat(value(".5")).isEqualTo(0.5);
        assertThat(value("-.inf")).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat((Double) value(".NaN")).isNaN();
        assertThat(value("1:30.5")).isEqualTo(90.5);
    }

    @Test
    void nullsDatesAndStrings() {
        assertThat(value("~")).isNull();
        assertThat(value("")).isNull();
        assertThat(value("2001-12-14")).isEqualTo(LocalDate.of(2001, 12, 14));
        assertThat(value("2001-12-14t21:59:43.10-05:00")).isInstanceOf(OffsetDateTime.class);
        assertThat(PythonJson.dumps(value("2001-12-14t21:59:43.10-05:00"))).isEqualTo("\"2001-12-14T21:59:43.100000-05:00\"");
        assertThat(value("!!str 123")).isEqualTo("123");
        assertThat(value("!unsafe '{{ x }}'")).isEqualTo(new UnsafeText("{{ x }}"));
    }

    @Test
    void anchorsAndMergeKeys() {
        DataNode node = YamlReader.read("""
            base: &b {a: 1, b: 2}
            other: &o {c: 3}
            merged:
              <<: [*b, *o]
              b: 20
            """, "t.yml", w -> { });
        Map<Object, Object> all = ((DataNode.Mapping) node).toValue();
        assertThat(all.get("merged")).isEqualTo(Map.of("a", 1L, "b", 20L, "c", 3L));
    }

    @Test
    void duplicateKeysWarnAndTheLastWins() {
        List<String> warnings = new java.util.ArrayList<>();
        DataNode node = YamlReader.read("a: 1\nb: 2\na: 3\n", "t.yml", warnings::add);
        assertThat(((DataNode.Mapping) node).toValue()).containsExactly(Map.entry("a", 3L), Map.entry("b", 2L));
        assertThat(warnings).singleElement().asString().contains("duplicate dict key (a)");
    }

    @Test
    void errorsCarryLineAndColumn() {
        assertThatThrownBy(() -> YamlReader.read("a: 1\nb: [1, 2\n", "bad.yml", w -> { }))
            .isInstanceOf(InputException.class)
            .satisfies(e -> assertThat(((InputException) e).location().file()).isEqualTo("bad.yml"))
            .satisfies(e -> assertThat(((InputException) e).location().line()).isGreaterThanOrEqualTo(2));
        assertThatThrownBy(() -> YamlReader.read("a: !custom x\n", "bad.yml", w -> { }))
            .isInstanceOf(InputException.class).hasMessageContaining("!custom")
            .satisfies(e -> assertThat(((InputException) e).describe()).startsWith("bad.yml:1:4: "));
        assertThatThrownBy(() -> YamlReader.read("a: &x [*x]\n", "bad.yml", w -> { }))
            .isInstanceOf(InputException.class).hasMessageContaining("recursive");
    }

    @Test
    void jsonIsReadWithJsonRules() {
        DataNode node = DataFiles.parse("{\"f\": 1e3, \"i\": 10, \"u\": {\"__ansible_unsafe\": \"{{ x }}\"}}", "t.json", w -> { });
        Map<Object, Object> map = ((DataNode.Mapping) node).toValue();
        assertThat(map.get("f")).isEqualTo(1000.0);
        assertThat(map.get("i")).isEqualTo(10L);
        assertThat(map.get("u")).isEqualTo(new UnsafeText("{{ x }}"));
        assertThat(DataFiles.parse("# only a comment\n", "t.yml", w -> { })).isNull();
    }
}
