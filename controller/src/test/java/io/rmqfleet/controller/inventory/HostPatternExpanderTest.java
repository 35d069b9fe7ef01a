package io.rmqfleet.controller.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostPatternExpanderTest {

    private static List<String> names(String pattern) {
        return HostPatternExpander.expand(pattern).hostNames();
    }

    @Test
    void numericRangesKeepLeadingZeros() {
        assertThat(names("node[01:10]")).containsExactly("node01", "node02", "node03", "node04", "node05", "node06",
            "node07", "node08", "node09", "node10");
        assertThat(names("n[001:003].example.com")).containsExactly("n001.example.com", "n002.example.com", "n003.example.com");
        assertThat(names("n[8:11]")).containsExactly("n8", "n9", "n10", "n11");
    }

    @Test
    void alphabeticRangesAndStrides() {
        assertThat(names("db-[a:f]")).containsExactly("db-a", "db-b", "db-c", "db-d", "db-e", "db-f");
        assertThat(names("odd[1:10:2]")).containsExactly("odd1", "odd3", "odd5", "odd7", "odd9");
        assertThat(names("x[a:k:3]")).containsExactly("xa", "xd", "xg", "xj");
        assertThat(names("s[y:B]")).containsExactly("sy", "sz", "sA", "sB"); // ascii_letters order: a-z then A-Z
        assertThat(names("h[:2]")).containsExactly("h0", "h1", "h2"); // empty begin means 0
    }

    @Test
    void severalRangesMultiply() {
        assertThat(names("r[1:2]-u[a:b]")).containsExactly("r1-ua", "r1-ub", "r2-ua", "r2-ub");
        assertThat(names("10.0.[1:2].[5:6]")).containsExactly("10.0.1.5", "10.0.1.6", "10.0.2.5", "10.0.2.6");
    }

    @Test
    void portsAreSplitOff() {
        var e = HostPatternExpander.expand("web[1:2]:2222");
        assertThat(e.hostNames()).containsExactly("web1", "web2");
        assertThat(e.port()).isEqualTo(2222);
        assertThat(HostPatternExpander.expand("[::1]:22").hostNames()).containsExactly("::1");
        assertThat(HostPatternExpander.expand("fe80::1").port()).isNull();
        assertThat(HostPatternExpander.expand("10.0.0.1:2200").port()).isEqualTo(2200);
        // not a valid address: the text is the host name, as in Ansible
        assertThat(HostPatternExpander.expand("odd name!").hostNames()).containsExactly("odd name!");
        assertThat(HostPatternExpander.expand("h1:abc").hostNames()).containsExactly("h1:abc");
    }

    @Test
    void negativeStepsGiveNothingLikePythonSlices() {
        assertThat(names("n[1:5:-1]")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "n[1:2:3:4]|host range must be begin:end or begin:end:step",
        "n[1:]|host range must specify end value",
        "n[01:100]|host range must specify equal-length begin and end formats",
        "n[f:a]|host range must have begin <= end",
        "n[1:a]|invalid literal for int()",
        "n[1:3:0]|range() arg 3 must not be zero",
        "n[1:2|not enough values to unpack",
        "n[1:99999999]|more than",
    })
    void badRangesAreReported(String pattern, String message) {
        assertThatThrownBy(() -> names(pattern)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining(message);
    }
}
