package io.rmqfleet.controller.connection;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SshOptionArgsTest {

    @Test
    void readsTheFormsOpenSshAccepts() {
        assertThat(SshOptionArgs.options(
            "-o UserKnownHostsFile=/a/kh -oStrictHostKeyChecking=yes -o 'ConnectTimeout 7' -C -o ProxyCommand=none"))
            .containsEntry("userknownhostsfile", "/a/kh")
            .containsEntry("stricthostkeychecking", "yes")
            .containsEntry("connecttimeout", "7")
            .containsEntry("proxycommand", "none")
            .hasSize(4);
    }

    @Test
    void quotedValuesKeepTheirSpacesAndTheFirstValueWins() {
        assertThat(SshOptionArgs.options("-o \"UserKnownHostsFile=/a b/kh /c/kh\" -o UserKnownHostsFile=/late"))
            .containsEntry("userknownhostsfile", "/a b/kh /c/kh");
    }

    @Test
    void emptyAndNullGiveNoOptions() {
        assertThat(SshOptionArgs.options(null)).isEmpty();
        assertThat(SshOptionArgs.options("   ")).isEmpty();
        assertThat(SshOptionArgs.options("-o")).isEmpty();
    }

    @Test
    void splitsWordsLikeAShell() {
        assertThat(SshOptionArgs.words("a 'b c' \"d\\\"e\" f\\ g  ''")).containsExactly("a", "b c", "d\"e", "f g", "");
    }
}
