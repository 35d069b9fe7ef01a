package io.rmqfleet.controller.module.testing;

import io.rmqfleet.controller.module.ModuleResult;
import io.rmqfleet.controller.module.TaskModule;

import java.util.Map;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The check every module must pass: check mode first (predicts a change, changes nothing), then the real run
 * (changes, as predicted), then a second run and a second check (no change).
 */
public final class Convergence {

    private Convergence() {
    }

    /**
     * @param observe describes the managed state (file listing, container inspect, ...); compared before and after
     *                the check-mode run, and required to differ after the real run
     * @return the result of the first real run
     */
    public static ModuleResult assertConverges(ModuleRunner runner, TaskModule module, Map<String, ?> args,
                                               Supplier<String> observe) {
        String before = observe.get();
        ModuleResult predicted = runner.check(module, args);
        assertThat(predicted.failed()).as("check mode failed: %s", predicted).isFalse();
        assertThat(predicted.changed()).as("check mode predicts a change: %s", predicted).isTrue();
        assertThat(observe.get()).as("check mode changed nothing").isEqualTo(before);

        ModuleResult first = runner.apply(module, args);
        assertThat(first.failed()).as("first run failed: %s", first.data()).isFalse();
        assertThat(first.changed()).as("first run changes, as predicted").isEqualTo(predicted.changed());
        String after = observe.get();
        assertThat(after).as("first run changed the state").isNotEqualTo(before);

        ModuleResult second = runner.apply(module, args);
        assertThat(second.failed()).as("second run failed: %s", second.data()).isFalse();
        assertThat(second.changed()).as("second run changes nothing: %s", second.data()).isFalse();
        assertThat(observe.get()).as("second run left the state alone").isEqualTo(after);

        ModuleResult recheck = runner.check(module, args);
        assertThat(recheck.changed()).as("check mode after convergence predicts no change").isFalse();
        return first;
    }
}
