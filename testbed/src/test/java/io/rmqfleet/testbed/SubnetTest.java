package io.rmqfleet.testbed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SubnetTest {

    @Test
    void hostsGetFixedAddressesFromDot11() {
        Subnet subnet = Subnet.parse("10.213.7.0/24");
        assertThat(subnet.cidr()).isEqualTo("10.213.7.0/24");
        assertThat(subnet.gateway()).isEqualTo("10.213.7.1");
        assertThat(subnet.hostAddress(1)).isEqualTo("10.213.7.11");
        assertThat(subnet.hostAddress(3)).isEqualTo("10.213.7.13");
        assertThat(subnet.hostAddress(Subnet.MAX_HOSTS)).isEqualTo("10.213.7.210");
    }

    @Test
    void defaultIsTheFirstSubnet() {
        assertThat(Subnet.DEFAULT.cidr()).isEqualTo("10.213.0.0/24");
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.0.0.0/24", "192.168.1.0/24", "10.213.0.0/16", "10.213.1.5/24", "10.213.256.0/24",
        "10.214.0.0/24", "", "10.213.0.0"})
    void refusesAnythingOutside10_213(String cidr) {
        assertThatThrownBy(() -> Subnet.parse(cidr)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("10.213.0.0/16");
    }

    @Test
    void hostNumbersAreBounded() {
        assertThatThrownBy(() -> Subnet.DEFAULT.hostAddress(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Subnet.DEFAULT.hostAddress(Subnet.MAX_HOSTS + 1))
            .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void nextWalksUpAndStopsAtTheEndOfTheRange() {
        assertThat(new Subnet(4).next()).contains(new Subnet(5));
        assertThat(new Subnet(255).next()).isEmpty();
    }
}
