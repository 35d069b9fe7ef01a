package io.rmqfleet.common.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every fixture under fixtures/invalid/ is rejected with the JSONPath and reason the controller answers 400 with. */
class InvalidReportFixturesTest {

    private static final Set<String> COVERED = Set.of("bad-state", "bad-health", "missing-host", "missing-schema",
            "schema-2", "unknown-container-field", "negative-sequence", "restart-count-as-string",
            "fractional-exit-code", "bad-timestamp", "port-out-of-range", "duplicate-port", "disk-free-above-total",
            "negative-load", "ports-null", "containers-object", "bad-image-id", "duplicate-container-id",
            "host-with-space", "unknown-error-source", "not-an-object", "truncated", "duplicate-key");

    /** A fixture added without an expectation would otherwise never be checked. */
    @Test
    void everyInvalidFixtureHasAnExpectation() throws IOException, URISyntaxException {
        Path dir = Path.of(InvalidReportFixturesTest.class.getResource("/fixtures/invalid").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            Set<String> names = files.map(p -> p.getFileName().toString().replaceFirst("\\.json$", ""))
                    .collect(Collectors.toSet());
            assertThat(names).isEqualTo(COVERED);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '\'', textBlock = """
        bad-state               | $.containers[2].state        | expected one of created,running,paused,restarting,removing,exited,dead
        bad-health              | $.containers[0].health       | expected one of none,starting,healthy,unhealthy
        missing-host            | $.host                       | required field is missing
        missing-schema          | $.schema                     | required field is missing
        schema-2                | $.schema                     | unsupported schema 2 (supported: 1)
        unknown-container-field | $.containers[0].labels       | unknown field
        negative-sequence       | $.sequence                   | expected an integer >= 0, got -1
        restart-count-as-string | $.containers[1].restart_count | expected an integer, got a string
        fractional-exit-code    | $.containers[1].exit_code    | expected an integer, got a fraction
        bad-timestamp           | $.observed_at                | expected an ISO-8601 UTC instant such as 2025-01-31T12:00:00Z
        port-out-of-range       | $.ports[1].port              | expected an integer from 1 to 65535, got 70000
        duplicate-port          | $.ports[3].port              | duplicate port 9876
        disk-free-above-total   | $.disk.free_bytes            | greater than total_bytes (105089261568)
        negative-load           | $.load.avg_5m                | expected a number >= 0, got -0.5
        ports-null              | $.ports                      | expected an array, got null
        containers-object       | $.containers                 | expected an array, got an object
        bad-image-id            | $.containers[0].image_id     | expected an image id such as sha256:<64 hex digits>
        duplicate-container-id  | $.containers[1].id           | duplicate container id
        host-with-space         | $.host                       | expected a host name (letters, digits, '.', '_', '-'; at most 253 characters)
        unknown-error-source    | $.errors[0].source           | expected one of docker,disk,load,memory,ports
        not-an-object           | $                            | expected an object, got an array
        """)
    void rejectedWithPathAndReason(String fixture, String path, String reason) {
        InvalidReportException e = catchThrowableOfType(InvalidReportException.class,
                () -> AgentReports.parse(Fixtures.bytes("invalid/" + fixture + ".json")));

        assertThat(e).as("fixture %s must be rejected", fixture).isNotNull();
        assertThat(e.path()).isEqualTo(path);
        assertThat(e.reason()).isEqualTo(reason);
        assertThat(e.getMessage()).isEqualTo(path + ": " + reason);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
        truncated     | malformed JSON at line 11, column 51: Unexpected end-of-input
        duplicate-key | Duplicate field 'host'
        """)
    void malformedJsonIsRejectedAtTheRootWithLineAndColumn(String fixture, String fragment) {
        InvalidReportException e = catchThrowableOfType(InvalidReportException.class,
                () -> AgentReports.parse(Fixtures.bytes("invalid/" + fixture + ".json")));

        assertThat(e).isNotNull();
        assertThat(e.path()).isEqualTo("$");
        assertThat(e.reason()).startsWith("malformed JSON at line ").contains(fragment);
    }
}
