package io.rmqfleet.controller.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rmqfleet.controller.input.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UsersFileTest {
    static final Path FILE = Path.of("users.properties");

    @TempDir
    Path dir;

    private static UsersFile parse(String... lines) {
        return UsersFile.parse(FILE, List.of(lines));
    }

    @Test
    void readsTheOfficialSampleWithRolesCommentsAndBlankLines() {
        UsersFile users = parse("# Format: a user per line, username=password[,N]", "! also a comment", "",
            "super=admin,1", "  user1 = user ", "user2=user,0");
        assertThat(users.size()).isEqualTo(3);
        assertThat(users.user("super")).contains(new ConsoleUser("super", "admin", ConsoleUser.ADMIN));
        assertThat(users.user("user1")).contains(new ConsoleUser("user1", "user", ConsoleUser.NORMAL));
        assertThat(users.user("user2").orElseThrow().role()).isEqualTo(ConsoleUser.NORMAL);
    }

    @Test
    void authenticatesOnlyTheRightPassword() {
        UsersFile users = parse("ops=s3cret=x,1");
        assertThat(users.authenticate("ops", "s3cret=x")).isPresent();
        assertThat(users.authenticate("ops", "s3cret")).isEmpty();
        assertThat(users.authenticate("ops", null)).isEmpty();
        assertThat(users.authenticate("nobody", "s3cret=x")).isEmpty();
        assertThat(users.authenticate(null, "s3cret=x")).isEmpty();
    }

    @Test
    void toStringNeverShowsThePassword() {
        ConsoleUser user = parse("ops=topsecret").user("ops").orElseThrow();
        assertThat(user.toString()).contains("ops").doesNotContain("topsecret");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "a=b|just a line|users.properties:2:1: expected user=password[,role], found no '='",
        "a=b|'  =pw'|users.properties:2:3: empty user name before '='",
        "a=b|bob=|users.properties:2:5: user 'bob' has an empty password",
        "a=b|bob= ,1|users.properties:2:5: user 'bob' has an empty password",
        "a=b|bob=pw,admin|users.properties:2:8: user 'bob': role must be 0 (user) or 1 (admin), got 'admin'",
        "a=b|a=c|users.properties:2:1: user 'a' is defined twice",
    })
    void reportsEveryBadLineAtFileLineColumn(String first, String second, String message) {
        assertThatThrownBy(() -> parse(first, second)).isInstanceOf(InputException.class)
            .extracting(e -> ((InputException) e).describe()).isEqualTo(message);
    }

    @Test
    void errorsNeverQuoteThePassword() {
        assertThatThrownBy(() -> parse("bob=hunter2,9")).isInstanceOf(InputException.class)
            .extracting(e -> ((InputException) e).describe()).asString().doesNotContain("hunter2");
        assertThatThrownBy(() -> parse("bob=hunter2", "bob=hunter2")).isInstanceOf(InputException.class)
            .extracting(e -> ((InputException) e).describe()).asString().doesNotContain("hunter2");
    }

    @Test
    void aFileWithoutUsersIsAnError() {
        assertThatThrownBy(() -> parse("# nothing", "")).isInstanceOf(InputException.class)
            .hasMessageContaining("no user defined");
    }

    @Test
    void readsAFileAndNamesAMissingOne() throws IOException {
        Path file = dir.resolve("users.properties");
        Files.writeString(file, "super=admin,1\n");
        assertThat(UsersFile.read(file).authenticate("super", "admin")).isPresent();
        Path missing = dir.resolve("missing.properties");
        assertThatThrownBy(() -> UsersFile.read(missing)).isInstanceOf(InputException.class)
            .extracting(e -> ((InputException) e).describe()).asString()
            .startsWith(missing + ": cannot read the users file");
    }
}
