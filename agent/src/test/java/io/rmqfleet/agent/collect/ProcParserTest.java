package io.rmqfleet.agent.collect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rmqfleet.agent.testing.Resources;
import io.rmqfleet.common.report.LoadAverage;
import io.rmqfleet.common.report.MemoryUsage;
import org.junit.jupiter.api.Test;

/** /proc files captured from this machine (Debian 12, 24 GiB). */
class ProcParserTest {

    @Test
    void loadAverageFromTheCapturedFile() {
        assertThat(ProcParser.loadAverage(Resources.text("proc/loadavg")))
                .isEqualTo(new LoadAverage(5.34, 3.91, 1.96));
    }

    @Test
    void memoryFromTheCapturedFileInBytes() {
        assertThat(ProcParser.memory(Resources.text("proc/meminfo")))
                .isEqualTo(new MemoryUsage(24683620L * 1024, 23687108L * 1024));
    }

    @Test
    void badLoadAverages() {
        assertThatThrownBy(() -> ProcParser.loadAverage("0.1 0.2")).hasMessageContaining("three load averages");
        assertThatThrownBy(() -> ProcParser.loadAverage("a b c")).hasMessage("load average is not a number: a");
        assertThatThrownBy(() -> ProcParser.loadAverage("-1 0 0")).hasMessageContaining("out of range");
        assertThatThrownBy(() -> ProcParser.loadAverage("NaN 0 0")).hasMessageContaining("out of range");
    }

    @Test
    void memInfoWithoutTheNeededLines() {
        assertThatThrownBy(() -> ProcParser.memory("MemFree: 10 kB\n")).hasMessage("no MemTotal line");
        assertThatThrownBy(() -> ProcParser.memory("MemTotal: 10 kB\n"))
                .hasMessageStartingWith("no MemAvailable line");
        assertThatThrownBy(() -> ProcParser.memory("MemTotal: lots kB\nMemAvailable: 1 kB\n"))
                .hasMessageContaining("bad value");
    }

    @Test
    void availableNeverExceedsTotal() {
        assertThat(ProcParser.memory("MemAvailable: 20 kB\nMemTotal: 10 kB\n"))
                .isEqualTo(new MemoryUsage(10240, 10240));
    }
}
