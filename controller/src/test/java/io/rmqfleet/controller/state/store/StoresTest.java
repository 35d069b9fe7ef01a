package io.rmqfleet.controller.state.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmqfleet.controller.state.HostRecord;
import io.rmqfleet.controller.state.StateEvent;
import io.rmqfleet.controller.state.drift.DriftFinding;
import io.rmqfleet.controller.state.drift.DriftKind;
import io.rmqfleet.controller.state.drift.DriftReport;
import io.rmqfleet.controller.state.liveness.Liveness;
import io.rmqfleet.controller.state.runs.ExpectedSpec;
import io.rmqfleet.controller.state.runs.RunRecord;
import io.rmqfleet.controller.testing.TestReports;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The H2 stores on a real file database: round trips, reopening, retention. */
class StoresTest {
    static final Instant T = Instant.parse("2026-11-25T12:00:00Z");
    @TempDir
    Path dir;
    Database db;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("state"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void hostsSurviveReopeningWithTheirReport() {
        HostRecord h = new HostRecord("h1", Liveness.SUSPECT, T, TestReports.report("h1", 3, T, "rmqnamesrv"));
        new HostStore(db).upsert(List.of(h, HostRecord.unknown("h2")));
        new HostStore(db).upsert(List.of(h.withLiveness(Liveness.ALIVE)));
        db.close();
        db = Database.open(dir.resolve("state"));

        List<HostRecord> loaded = new HostStore(db).loadAll();
        assertThat(loaded).containsExactly(h.withLiveness(Liveness.ALIVE), HostRecord.unknown("h2"));
    }

    @Test
    void eventsArePagedNewestFirstAndFiltered() {
        EventStore events = new EventStore(db);
        List<StateEvent> list = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            list.add(StateEvent.of(T.plusSeconds(i), i % 2 == 0 ? "liveness" : "drift_detected", "h" + (i % 2),
                    "event " + i, Map.of("i", i)));
        }
        events.append(list);
        Page<StateEvent> page = events.list(null, null, 2, 1);
        assertThat(page.total()).isEqualTo(5);
        assertThat(page.items()).extracting(StateEvent::summary).containsExactly("event 3", "event 2");
        assertThat(page.items().get(0).data()).containsEntry("i", 3);
        assertThat(events.list("h0", "liveness", 10, 0).items()).extracting(StateEvent::summary)
                .containsExactly("event 4", "event 2", "event 0");
    }

    @Test
    void runsAreReplacedByIdAndRememberSpecHashes() {
        RunStore runs = new RunStore(db);
        RunRecord run = new RunRecord("r1", T, T, T.plusSeconds(3), "ok", 0, 3000L, List.of("deploy"),
                Map.of("h", Map.of("ok", 1)), List.of(Map.of("event", "play_start"), Map.of("event", "run_end")));
        assertThat(runs.save(run, List.of(new ExpectedSpec("h", "c", "x")))).isTrue();
        assertThat(runs.save(run, List.of(new ExpectedSpec("h", "c", "y")))).isFalse();
        assertThat(runs.list(10, 0).total()).isEqualTo(1);
        RunRecord loaded = runs.get("r1").orElseThrow();
        assertThat(loaded.events()).hasSize(2);
        assertThat(loaded.recap()).containsKey("h");
        assertThat(loaded.plays()).containsExactly("deploy");
        assertThat(runs.expectedSpecs()).containsExactly(new ExpectedSpec("h", "c", "y"));
        assertThat(runs.get("nope")).isEmpty();
    }

    @Test
    void driftChecksRoundTrip() {
        DriftStore drift = new DriftStore(db);
        DriftReport report = new DriftReport(T, 3, 7, List.of(new DriftFinding("h", "c", DriftKind.MISSING, "gone"),
                new DriftFinding("h", null, DriftKind.NO_REPORT, "silent")));
        long id = drift.save(report, "api");
        assertThat(drift.latest().orElseThrow().report()).isEqualTo(report);
        assertThat(drift.get(id).orElseThrow().trigger()).isEqualTo("api");
        assertThat(drift.get(id + 1)).isEmpty();
    }

    @Test
    void retentionPrunesByCountAndByAge() {
        EventStore events = new EventStore(db);
        RunStore runs = new RunStore(db);
        DriftStore drift = new DriftStore(db);
        List<StateEvent> list = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            list.add(StateEvent.of(T.minus(Duration.ofDays(30 - i)), "liveness", "h", "e" + i, Map.of()));
        }
        events.append(list);
        for (int i = 0; i < 6; i++) {
            runs.save(new RunRecord("r" + i, T.minus(Duration.ofDays(10 - i)), null, null, "ok", 0, 1L, List.of(),
                    Map.of(), List.of(Map.of("event", "run_end"))), List.of());
        }
        for (int i = 0; i < 4; i++) {
            drift.save(new DriftReport(T, 0, 0, List.of()), "schedule");
        }

        Retention.Pruned pruned = new Retention(db).prune(new RetentionLimits(20, Duration.ofDays(15), 4,
                Duration.ofDays(6), 2), T);

        // Count keeps the newest 20 (e10..e29); age (15 days) then drops e10..e14.
        assertThat(events.list(null, null, 100, 0).items()).extracting(StateEvent::summary)
                .first().isEqualTo("e29");
        assertThat(events.list(null, null, 100, 0).total()).isEqualTo(15);
        // Runs: newest 4 are r2..r5; not older than 6 days are r4 (exactly 6) and r5.
        assertThat(runs.list(10, 0).items()).extracting(RunRecord::id).containsExactly("r5", "r4");
        assertThat(runs.get("r0")).isEmpty();
        assertThat(drift.latest().orElseThrow().id()).isEqualTo(4);
        assertThat(pruned).isEqualTo(new Retention.Pruned(15, 4, 2));
    }
}
