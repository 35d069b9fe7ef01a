package io.rmqfleet.agent.deliver;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResponseClassifierTest {
    private static final Instant NOW = Instant.parse("2025-11-25T10:00:00Z");

    @ParameterizedTest
    @ValueSource(ints = {200, 201, 202, 204})
    void successIsDelivered(int status) {
        assertThat(ResponseClassifier.classify(status, null, "", NOW)).isEqualTo(new Outcome.Delivered(status));
    }

    @ParameterizedTest
    @ValueSource(ints = {400, 401, 403, 404, 409, 413, 422})
    void clientErrorsRejectTheReportWithTheDetail(int status) {
        assertThat(ResponseClassifier.classify(status, "5", "{\"detail\":\"$.host: bad\"}", NOW))
                .isEqualTo(new Outcome.Rejected(status, "{\"detail\":\"$.host: bad\"}"));
    }

    @Test
    void tooManyRequestsIsRetriedAfterTheControllersDelay() {
        assertThat(ResponseClassifier.classify(429, "7", "", NOW))
                .isEqualTo(new Outcome.Retry("HTTP 429 Too Many Requests", 7_000));
    }

    @ParameterizedTest
    @ValueSource(ints = {500, 502, 503, 504})
    void serverErrorsAreRetried(int status) {
        assertThat(ResponseClassifier.classify(status, null, "", NOW))
                .isEqualTo(new Outcome.Retry("HTTP " + status, 0));
    }

    @ParameterizedTest
    @ValueSource(ints = {101, 301, 302, 307})
    void redirectsKeepTheReports(int status) {
        assertThat(ResponseClassifier.classify(status, null, "", NOW)).isInstanceOf(Outcome.Retry.class);
    }

    @Test
    void retryAfterReadsSecondsAndHttpDates() {
        assertThat(ResponseClassifier.retryAfterMillis(null, NOW)).isZero();
        assertThat(ResponseClassifier.retryAfterMillis(" 12 ", NOW)).isEqualTo(12_000);
        assertThat(ResponseClassifier.retryAfterMillis("Tue, 25 Nov 2025 10:00:30 GMT", NOW)).isEqualTo(30_000);
        assertThat(ResponseClassifier.retryAfterMillis("Tue, 25 Nov 2025 09:00:00 GMT", NOW)).isZero();
        assertThat(ResponseClassifier.retryAfterMillis("soon", NOW)).isZero();
        assertThat(ResponseClassifier.retryAfterMillis("99999999999999999999", NOW)).isEqualTo(Long.MAX_VALUE);
    }
}
