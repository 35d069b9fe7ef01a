package io.rmqfleet.controller.connection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShellQuoteTest {

    @Test
    void leavesPlainWordsAlone() {
        assertThat(ShellQuote.quote("rmqfleet/rocketmq:5.3.3")).isEqualTo("rmqfleet/rocketmq:5.3.3");
        assertThat(ShellQuote.quote("/var/tmp/a-b_c.tar.gz")).isEqualTo("/var/tmp/a-b_c.tar.gz");
    }

    @Test
    void quotesEverythingElse() {
        assertThat(ShellQuote.quote("")).isEqualTo("''");
        assertThat(ShellQuote.quote("a b")).isEqualTo("'a b'");
        assertThat(ShellQuote.quote("it's")).isEqualTo("'it'\\''s'");
        assertThat(ShellQuote.quote("{{.Id}}")).isEqualTo("'{{.Id}}'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"plain", "a b", "it's", "$(reboot)", "`id`", "a\nb", "\"q\"", "back\\slash", "*", "~", "x;y|z&"})
    void theShellGetsBackExactlyTheArgument(String argument) throws Exception {
        Process sh = new ProcessBuilder(List.of("sh", "-c", "printf %s " + ShellQuote.quote(argument))).start();
        String echoed = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(sh.waitFor()).isZero();
        assertThat(echoed).isEqualTo(argument);
    }
}
