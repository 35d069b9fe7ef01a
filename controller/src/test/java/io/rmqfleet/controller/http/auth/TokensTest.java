package io.rmqfleet.controller.http.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rmqfleet.controller.input.InputException;
import io.rmqfleet.controller.testing.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokensTest {
    @TempDir
    Path dir;

    @Test
    void digestMatchesOnlyTheExactTokenAndNeverPrintsIt() {
        TokenDigest d = TokenDigest.of("s3cret-token-value");
        assertThat(d.matches("s3cret-token-value")).isTrue();
        assertThat(d.matches("s3cret-token-valuE")).isFalse();
        assertThat(d.matches("s3cret-token-value ")).isFalse();
        assertThat(d.matches("")).isFalse();
        assertThat(d.matches(null)).isFalse();
        assertThat(d.toString()).doesNotContain("s3cret");
    }

    @Test
    void missingAdminTokenFileIsCreatedWithARandomOwnerOnlyToken() throws Exception {
        Path file = dir.resolve("sub/admin.token");
        TokenFiles.AdminToken first = TokenFiles.adminToken(file);
        assertThat(first.generated()).isTrue();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String token = Files.readString(file).strip();
        assertThat(token).hasSizeGreaterThanOrEqualTo(40);
        assertThat(first.digest().matches(token)).isTrue();

        TokenFiles.AdminToken second = TokenFiles.adminToken(file);
        assertThat(second.generated()).isFalse();
        assertThat(second.digest().matches(token)).isTrue();
        assertThat(TokenFiles.adminToken(dir.resolve("other.token")).digest().matches(token)).isFalse();
    }

    @Test
    void tooShortAdminTokenIsRefusedWithoutEchoingIt() throws Exception {
        Path file = dir.resolve("admin.token");
        Files.writeString(file, "short\n");
        assertThatThrownBy(() -> TokenFiles.adminToken(file)).isInstanceOf(InputException.class)
                .hasMessageNotContaining("short\n").hasMessageContaining("8 to 4096 printable characters");
    }

    @Test
    void agentTokensAreAMappingOfHostToToken() throws Exception {
        Path file = dir.resolve("agents.yml");
        Files.writeString(file, "broker-1: token-one-1234\nbroker-2: \"token-two-1234\"\n");
        Map<String, TokenDigest> tokens = TokenFiles.agentTokens(file);
        assertThat(tokens).containsOnlyKeys("broker-1", "broker-2");
        assertThat(tokens.get("broker-1").matches("token-one-1234")).isTrue();
        assertThat(tokens.get("broker-1").matches("token-two-1234")).isFalse();
        assertThat(TokenFiles.agentTokens(null)).isEmpty();
    }

    @Test
    void agentTokensMayBeTheSameFileThePlaybookReadsWithExtraVars() throws Exception {
        Path file = dir.resolve("agent-tokens.yml");
        Files.writeString(file, "agent_tokens:\n  host1: token-one-1234\n  host2: token-two-1234\n");
        Map<String, TokenDigest> tokens = TokenFiles.agentTokens(file);
        assertThat(tokens).containsOnlyKeys("host1", "host2");
        assertThat(tokens.get("host2").matches("token-two-1234")).isTrue();
    }

    @Test
    void badAgentTokensFilesSayWhatIsWrongButNotTheSecret() throws Exception {
        Path file = dir.resolve("agents.yml");
        Files.writeString(file, "broker-1: tiny\n");
        assertThatThrownBy(() -> TokenFiles.agentTokens(file)).isInstanceOf(InputException.class)
                .hasMessageContaining("the token of broker-1 must be").hasMessageNotContaining("tiny");
        Files.writeString(file, "- a\n- b\n");
        assertThatThrownBy(() -> TokenFiles.agentTokens(file)).hasMessageContaining("expected a mapping");
        Files.writeString(file, "secret-looking: [unclosed\n");
        assertThatThrownBy(() -> TokenFiles.agentTokens(file)).hasMessageNotContaining("unclosed");
        assertThatThrownBy(() -> TokenFiles.agentTokens(dir.resolve("nope.yml"))).hasMessageContaining("no such file");
    }

    @Test
    void sessionsExpireAndCanBeRemoved() {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-25T12:00:00Z"));
        Sessions sessions = new Sessions(clock, Duration.ofMinutes(10));
        String a = sessions.create();
        String b = sessions.create();
        assertThat(a).isNotEqualTo(b);
        assertThat(sessions.valid(a)).isTrue();
        assertThat(sessions.valid("forged")).isFalse();
        assertThat(sessions.valid(null)).isFalse();
        sessions.remove(b);
        assertThat(sessions.valid(b)).isFalse();
        clock.advance(Duration.ofMinutes(10));
        assertThat(sessions.valid(a)).isFalse();
    }
}
