package io.rmqfleet.controller.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HostAddressTest {

    @Test
    void parsesNamesAddressesAndPorts() {
        assertThat(HostAddress.parse("web1.example.com", false)).contains(new HostAddress("web1.example.com", null));
        assertThat(HostAddress.parse("web1:2222", false)).contains(new HostAddress("web1", 2222));
        assertThat(HostAddress.parse("10.213.0.5:22", false)).contains(new HostAddress("10.213.0.5", 22));
        assertThat(HostAddress.parse("[2001:db8::1]:2200", false)).contains(new HostAddress("2001:db8::1", 2200));
        assertThat(HostAddress.parse("::1", false)).contains(new HostAddress("::1", null));
        assertThat(HostAddress.parse("хост-1", false)).contains(new HostAddress("хост-1", null));
    }

    @Test
    void rangesOnlyWhenAllowed() {
        assertThat(HostAddress.parse("web[1:3]", true)).contains(new HostAddress("web[1:3]", null));
        assertThat(HostAddress.parse("web[1:3]", false)).isEmpty();
        assertThat(HostAddress.parse("10.0.0.[1:5]:22", true)).contains(new HostAddress("10.0.0.[1:5]", 22));
    }

    @Test
    void rejectsWhatAnsibleRejects() {
        assertThat(HostAddress.parse("web-", false)).isEmpty(); // labels may not end with '-'
        assertThat(HostAddress.parse("a b", false)).isEmpty();
        assertThat(HostAddress.parse("web:db", false)).isEmpty();
        assertThat(HostAddress.parse("web*", false)).isEmpty();
        assertThat(HostAddress.parse("", false)).isEmpty();
    }

    @Test
    void ipDetectionForShortNames() {
        assertThat(HostAddress.isIpAddress("10.0.0.1")).isTrue();
        assertThat(HostAddress.isIpAddress("fe80::1")).isTrue();
        assertThat(HostAddress.isIpAddress("web1.example.com")).isFalse();
    }
}
