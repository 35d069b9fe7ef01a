package io.rmqfleet.controller.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConsoleArgsTest {

    @Test
    void listenTakesHostAndPort() {
        assertThat(ConsoleArgs.listen("0.0.0.0:8080")).isEqualTo(new ConsoleArgs.HostPort("0.0.0.0", 8080));
        assertThat(ConsoleArgs.listen(":9000")).isEqualTo(new ConsoleArgs.HostPort("0.0.0.0", 9000));
        assertThat(ConsoleArgs.listen("[::1]:8080")).isEqualTo(new ConsoleArgs.HostPort("::1", 8080));
    }

    @Test
    void badListenValuesSayWhatIsWrong() {
        assertThatThrownBy(() -> ConsoleArgs.listen("8080")).hasMessage("--listen: expected host:port, got '8080'");
        assertThatThrownBy(() -> ConsoleArgs.listen("h:http")).hasMessageContaining("'http' in 'h:http' is not a port");
        assertThatThrownBy(() -> ConsoleArgs.listen("h:70000")).hasMessageContaining("outside 0..65535");
    }

    @Test
    void namesrvIsEveryAddressSemicolonSeparated() {
        assertThat(ConsoleArgs.namesrv(" 10.213.0.11:9876 ; 10.213.0.12:9876;")).isEqualTo("10.213.0.11:9876;10.213.0.12:9876");
        assertThatThrownBy(() -> ConsoleArgs.namesrv(";;")).hasMessageContaining("expected host:port");
        assertThatThrownBy(() -> ConsoleArgs.namesrv("10.213.0.11")).hasMessageContaining("expected host:port");
        assertThatThrownBy(() -> ConsoleArgs.namesrv(":9876")).hasMessageContaining("has no host");
    }
}
