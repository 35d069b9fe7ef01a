package io.rmqfleet.controller.module.support;

import io.rmqfleet.controller.module.ModuleArgumentException;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShellTextTest {
    private static final AtomicLong SEED = new AtomicLong(7);

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\u0001', value = {
        "abc|abc",
        "/etc/rocketmq/broker.conf|/etc/rocketmq/broker.conf",
        "a b|'a b'",
        "it's|'it'\"'\"'s'",
        "$HOME|'$HOME'",
        "a;b|'a;b'",
        "--name=x|--name=x",
        "~root|'~root'",
        "*.log|'*.log'"
    })
    void quoteLikePythonShlex(String word, String quoted) {
        assertThat(ShellQuote.quote(word)).isEqualTo(quoted);
    }

    @Test
    void emptyWordIsTwoQuotes() {
        assertThat(ShellQuote.quote("")).isEqualTo("''");
        assertThat(ShellQuote.join(List.of("echo", "", "a b"))).isEqualTo("echo '' 'a b'");
    }

    @Test
    void splitHandlesQuotesAndEscapes() {
        assertThat(ShellWords.split("  docker run  -e 'A=1 2' -e \"B=\\\"x\\\" \\$y\" c\\ d e\\\\f ''  "))
                .containsExactly("docker", "run", "-e", "A=1 2", "-e", "B=\"x\" $y", "c d", "e\\f", "");
        assertThat(ShellWords.split("a\"b c\"'d e'f")).containsExactly("ab cd ef");
        assertThat(ShellWords.split("\"a\\nb\"")).containsExactly("a\\nb");
        assertThat(ShellWords.split("")).isEmpty();
        assertThat(ShellWords.split("line\\\ncontinued")).containsExactly("linecontinued");
    }

    @Test
    void splitRejectsUnbalancedQuotes() {
        assertThatThrownBy(() -> ShellWords.split("echo 'x")).isInstanceOf(ModuleArgumentException.class)
                .hasMessage("no closing quotation in: echo 'x");
        assertThatThrownBy(() -> ShellWords.split("echo \"x")).isInstanceOf(ModuleArgumentException.class);
        assertThatThrownBy(() -> ShellWords.split("echo x\\")).isInstanceOf(ModuleArgumentException.class);
    }

    /** Property: quoting then splitting gives back the same words, for arbitrary nasty words. */
    @RepeatedTest(300)
    void splitUndoesJoin() {
        Random random = new Random(SEED.getAndIncrement());
        String alphabet = "ab \t'\"\\$`;|&*?[]{}()<>~#=%\n-";
        List<String> words = new ArrayList<>();
        int n = 1 + random.nextInt(5);
        for (int i = 0; i < n; i++) {
            StringBuilder w = new StringBuilder();
            int len = random.nextInt(8);
            for (int j = 0; j < len; j++) {
                w.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            words.add(w.toString());
        }
        assertThat(ShellWords.split(ShellQuote.join(words))).isEqualTo(words);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '\u0001', value = {
        "/var/lib/x|/var/lib/x",
        "/var/log/*.log|/var/log/*.log",
        "/my dir/*.log|'/my dir/'*.log",
        "/a/file?.txt|/a/file?.txt",
        "/a/[ab].txt|/a/[ab].txt",
        "/a/[a b].txt|'/a/[a b].txt'",
        "/a/$(reboot)*|'/a/$(reboot)'*"
    })
    void globQuotesLiteralPartsOnly(String pattern, String expected) {
        assertThat(ShellQuote.glob(pattern)).isEqualTo(expected);
    }
}
