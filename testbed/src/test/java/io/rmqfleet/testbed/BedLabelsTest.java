package io.rmqfleet.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BedLabelsTest {

    @Test
    void namesAndLabelsDeriveFromTheBedName() {
        assertThat(BedLabels.networkName("demo")).isEqualTo("rmqfleet-demo");
        assertThat(BedLabels.containerName("demo", "host2")).isEqualTo("rmqfleet-demo-host2");
        assertThat(BedLabels.volumeName("demo", "host2")).isEqualTo("rmqfleet-demo-host2-docker");
        assertThat(BedLabels.filter("demo")).isEqualTo("rmqfleet.testbed=demo");
        assertThat(BedLabels.forHost("demo", "host", "host1"))
            .containsEntry("rmqfleet.testbed", "demo")
            .containsEntry("rmqfleet.testbed.host", "host1")
            .containsEntry("rmqfleet.testbed.role", "host");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Demo", "-x", "a b", "a_b", "x/y", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"})
    void refusesNamesDockerOrFiltersWouldMangle(String name) {
        assertThatThrownBy(() -> BedLabels.requireValidName(name)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void specValidatesItsInput() {
        assertThatThrownBy(() -> TestBedSpec.of("ok", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TestBedSpec.of("Bad Name", 1)).isInstanceOf(IllegalArgumentException.class);
        TestBedSpec spec = TestBedSpec.of("it-1", 3);
        assertThat(spec.subnet()).isEqualTo(Subnet.DEFAULT);
        assertThat(spec.searchSubnet()).isTrue();
        assertThat(spec.image()).isEqualTo("rmqfleet/testhost:latest");
        assertThat(spec.withSubnet(new Subnet(9), false).subnet()).isEqualTo(new Subnet(9));
    }
}
