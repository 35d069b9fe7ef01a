package io.rmqfleet.agent.collect;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmqfleet.agent.testing.Resources;
import io.rmqfleet.common.report.CollectorError;
import io.rmqfleet.common.report.LoadAverage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostMetricsReaderTest {
    @TempDir
    Path tmp;

    private Path proc() throws IOException {
        Path proc = Files.createDirectories(tmp.resolve("proc"));
        Files.write(proc.resolve("loadavg"), Resources.bytes("proc/loadavg"));
        Files.write(proc.resolve("meminfo"), Resources.bytes("proc/meminfo"));
        return proc;
    }

    @Test
    void readsLoadMemoryAndTheDataRootsFileSystem() throws IOException {
        Path data = Files.createDirectories(tmp.resolve("data"));

        HostMetrics m = new HostMetricsReader(proc(), data).read();

        assertThat(m.errors()).isEmpty();
        assertThat(m.load()).isEqualTo(new LoadAverage(5.34, 3.91, 1.96));
        assertThat(m.memory().totalBytes()).isEqualTo(24683620L * 1024);
        assertThat(m.disk().path()).isEqualTo(data.toString());
        assertThat(m.disk().totalBytes()).isEqualTo(Files.getFileStore(data).getTotalSpace()).isPositive();
        assertThat(m.disk().freeBytes()).isPositive().isLessThanOrEqualTo(m.disk().totalBytes());
    }

    @Test
    void eachUnreadableSectionIsNullWithItsOwnError() throws IOException {
        Path proc = proc();
        Files.delete(proc.resolve("meminfo"));
        Files.writeString(proc.resolve("loadavg"), "garbage\n");

        HostMetrics m = new HostMetricsReader(proc, tmp.resolve("not-mounted")).read();

        assertThat(m.load()).isNull();
        assertThat(m.memory()).isNull();
        assertThat(m.disk()).isNull();
        assertThat(m.errors()).extracting(CollectorError::source).containsExactly("load", "memory", "disk");
        assertThat(m.errors().get(2).message()).endsWith("not-mounted: no such directory (is it mounted?)");
        assertThat(m.errors().get(1).message()).contains("meminfo");
    }
}
