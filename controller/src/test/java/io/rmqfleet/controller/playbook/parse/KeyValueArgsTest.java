package io.rmqfleet.controller.playbook.parse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Ansible's inline argument splitting (ansible.parsing.splitter.parse_kv). */
class KeyValueArgsTest {

    @Test
    void splitsKeyValuesAndUnquotes() throws Exception {
        assertThat(KeyValueArgs.parse("src=a dest=\"/x y\" mode=0644 owner='r m'", false))
            .containsExactly(Map.entry("src", "a"), Map.entry("dest", "/x y"), Map.entry("mode", "0644"),
                Map.entry("owner", "r m"));
    }

    @Test
    void keepsJinjaBlocksTogether() throws Exception {
        assertThat(KeyValueArgs.parse("msg={{ a | default('x y') }} other=1", false))
            .containsExactly(Map.entry("msg", "{{ a | default('x y') }}"), Map.entry("other", "1"));
        assertThat(KeyValueArgs.parse("msg=\"{% if a %}x y{% endif %}\"", false))
            .containsEntry("msg", "{% if a %}x y{% endif %}");
    }

    @Test
    void freeFormCommandsKeepTheirTextButGiveUpKnownOptions() throws Exception {
        assertThat(KeyValueArgs.parse("echo a=b && ls chdir=/tmp creates=/x", true))
            .containsExactly(Map.entry("chdir", "/tmp"), Map.entry("creates", "/x"),
                Map.entry("_raw_params", "echo a=b && ls"));
        assertThat(KeyValueArgs.parse("echo 'a  b'", true)).containsEntry("_raw_params", "echo 'a  b'");
    }

    @Test
    void escapesAndEquals() throws Exception {
        assertThat(KeyValueArgs.parse("a=x\\ny b=\\u00e9", false))
            .containsEntry("a", "x\ny").containsEntry("b", "\u00e9");
        assertThat(KeyValueArgs.parse("a\\=b", false)).containsEntry("_raw_params", "a=b");
        assertThat(KeyValueArgs.parse("=x", false)).containsEntry("_raw_params", "=x");
        assertThat(KeyValueArgs.parse("k=", false)).containsEntry("k", "");
    }

    @Test
    void multiLineTextKeepsItsNewlines() throws Exception {
        assertThat(KeyValueArgs.parse("echo one\necho two", true)).containsEntry("_raw_params", "echo one\necho two");
    }

    @Test
    void unbalancedInputIsRejected() {
        assertThatThrownBy(() -> KeyValueArgs.parse("msg='abc", false)).isInstanceOf(KeyValueArgs.SplitException.class);
        assertThatThrownBy(() -> KeyValueArgs.parse("msg={{ a", false)).isInstanceOf(KeyValueArgs.SplitException.class);
    }
}
