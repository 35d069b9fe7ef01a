package io.rmqfleet.controller.module.facts;

import io.rmqfleet.controller.module.ModuleResult;
import io.rmqfleet.controller.module.testing.LocalConnection;
import io.rmqfleet.controller.module.testing.ModuleRunner;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The real facts script in this machine's shell: it must run cleanly and give the core facts. */
class SetupLocalTest {

    @Test
    void gathersCoreFactsWithOneCommand() {
        LocalConnection connection = new LocalConnection();
        ModuleResult r = new ModuleRunner(connection, null, null).apply(new SetupModule(), Map.of());
        assertThat(r.failed()).as("%s", r.data()).isFalse();
        assertThat(r.changed()).isFalse();
        assertThat(connection.commands()).hasSize(1);
        Map<String, Object> f = r.facts();
        assertThat(f.get("os_family")).isNotEqualTo("unknown");
        assertThat((Integer) f.get("processor_vcpus")).isPositive();
        assertThat((Long) f.get("memtotal_mb")).isPositive();
        assertThat(f.get("interfaces")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST).contains("lo");
        assertThat((List<?>) f.get("mounts")).isNotEmpty();
        assertThat(r.data()).containsKey("ansible_facts");
    }
}
