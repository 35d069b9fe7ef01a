package io.rmqfleet.controller.module;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModuleArgsTest {
    private static ModuleArgs args(Object... kv) {
        Map<String, Object> m = new HashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return ModuleArgs.of(m);
    }

    @Test
    void requiredStringsNameTheArgument() {
        assertThatThrownBy(() -> args().string("dest")).isInstanceOf(ModuleArgumentException.class)
                .hasMessage("missing required argument 'dest'");
        assertThatThrownBy(() -> args("dest", null).string("dest")).hasMessage("missing required argument 'dest'");
        assertThatThrownBy(() -> args("dest", List.of("a")).string("dest"))
                .hasMessage("argument 'dest' must be a string, got a list");
        assertThat(args("port", 9876).string("port")).isEqualTo("9876");
        assertThat(args().string("x", "d")).isEqualTo("d");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "Yes", "on", "true", "TRUE", "1", "y", "t"})
    void truthyWords(String word) {
        assertThat(args("b", word).bool("b", false)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"no", "off", "false", "False", "0", "n", "f"})
    void falsyWords(String word) {
        assertThat(args("b", word).bool("b", true)).isFalse();
    }

    @Test
    void booleansAndIntegers() {
        assertThat(args("b", true).bool("b", false)).isTrue();
        assertThat(args("b", 0).bool("b", true)).isFalse();
        assertThat(args().bool("b", true)).isTrue();
        assertThatThrownBy(() -> args("b", "maybe").bool("b", false))
                .hasMessage("argument 'b' must be a boolean (true/false, yes/no), got 'maybe'");
        assertThatThrownBy(() -> args("b", 2).bool("b", false)).hasMessageContaining("must be a boolean");
        assertThat(args("n", "30").integer("n", 0)).isEqualTo(30);
        assertThat(args("n", 30L).integer("n", 0)).isEqualTo(30);
        assertThat(args("n", 3.0).integer("n", 0)).isEqualTo(3);
        assertThatThrownBy(() -> args("n", 3.5).integer("n", 0)).hasMessage("argument 'n' must be a whole number, got 3.5");
        assertThatThrownBy(() -> args("n", "ten").integer("n", 0)).hasMessage("argument 'n' must be a whole number, got 'ten'");
    }

    @Test
    void choices() {
        assertThat(args("state", "absent").choice("state", "present", "present", "absent")).isEqualTo("absent");
        assertThat(args().choice("state", "present", "present", "absent")).isEqualTo("present");
        assertThatThrownBy(() -> args("state", "gone").choice("state", "present", "present", "absent"))
                .hasMessage("argument 'state' must be one of: present, absent; got 'gone'");
    }

    @Test
    void listsAndMaps() {
        assertThat(args("l", List.of("a", 1, true)).stringList("l")).containsExactly("a", "1", "true");
        assertThat(args("l", "single").stringList("l")).containsExactly("single");
        assertThat(args().stringList("l")).isEmpty();
        assertThatThrownBy(() -> args("l", Arrays.asList("a", null)).stringList("l"))
                .hasMessage("argument 'l' must be a list of strings, found null in it");
        assertThatThrownBy(() -> args("l", Map.of("a", 1)).stringList("l")).hasMessage("argument 'l' must be a list, got a mapping");
        assertThat(args("m", Map.of(1, "x")).map("m")).containsEntry("1", "x");
        assertThatThrownBy(() -> args("m", "x").map("m")).hasMessage("argument 'm' must be a mapping, got a string");
    }

    @Test
    void modes() {
        assertThat(args("mode", "0644").mode("mode")).contains(0644);
        assertThat(args("mode", "755").mode("mode")).contains(0755);
        assertThat(args("mode", "0o600").mode("mode")).contains(0600);
        assertThat(args("mode", 420).mode("mode")).contains(0644); // YAML 1.1 read an unquoted 0644 as 420
        assertThat(args("mode", "01777").mode("mode")).contains(01777);
        assertThatThrownBy(() -> args("mode", "u+rwx").mode("mode"))
                .hasMessage("argument 'mode' must be an octal mode like '0644', got 'u+rwx'");
        assertThatThrownBy(() -> args("mode", "0898").mode("mode")).hasMessageContaining("octal mode");
        assertThatThrownBy(() -> args("mode", 9999).mode("mode")).hasMessageContaining("quote octal modes");
    }

    @Test
    void specRejectsUnknownMissingAndExclusive() {
        ArgSpec spec = ArgSpec.builder().required("path").alias("dest", "path").optional("owner")
                .choices("state", "file", "absent").mutuallyExclusive("owner", "state").build();
        assertThatThrownBy(() -> spec.validate(args("path", "/x", "foo", 1)))
                .hasMessage("unsupported argument 'foo' (supported: owner, path, state)");
        assertThatThrownBy(() -> spec.validate(args("path", "/x", "foo", 1, "bar", 2)))
                .hasMessageStartingWith("unsupported arguments 'bar', 'foo'");
        assertThatThrownBy(() -> spec.validate(args("owner", "root"))).hasMessage("missing required argument 'path'");
        assertThatThrownBy(() -> spec.validate(args("path", "/x", "state", "dir")))
                .hasMessage("argument 'state' must be one of: file, absent; got 'dir'");
        assertThatThrownBy(() -> spec.validate(args("path", "/x", "owner", "a", "state", "file")))
                .hasMessage("arguments are mutually exclusive: owner, state");
        assertThatThrownBy(() -> spec.validate(args("path", "/x", "dest", "/y")))
                .hasMessage("argument 'path' is given twice (once through an alias)");
        assertThat(spec.validate(args("dest", "/y")).string("path")).isEqualTo("/y");
        assertThat(ArgSpec.anyArguments().validate(args("anything", 1)).asMap()).containsEntry("anything", 1);
    }

    @Test
    void requiredOneOf() {
        ArgSpec spec = ArgSpec.builder().optional("src", "content").requiredOneOf("src", "content").build();
        assertThatThrownBy(() -> spec.validate(args())).hasMessage("one of the following arguments is required: src, content");
        assertThat(spec.validate(args("content", "")).has("content")).isTrue();
    }
}
