package io.rmqfleet.controller.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rmqfleet.controller.input.InputException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Host patterns with Ansible's semantics and order (cross-checked on the corpus against real Ansible). */
class HostSelectorTest {
    @TempDir
    Path dir;
    Inventory inventory;

    @BeforeEach
    void load() {
        inventory = new TempInventory(dir).file("hosts", """
            solo
            [web]
            web1
            web2
            web3
            [db]
            db1
            web2
            [app:children]
            web
            db
            [lb]
            lb1
            """).load("hosts");
    }

    private List<String> select(String pattern) {
        return inventory.select(pattern).stream().map(Host::name).toList();
    }

    @Test
    void groupsHostsAndAll() {
        assertThat(select("all")).containsExactly("solo", "lb1", "web1", "web2", "web3", "db1");
        assertThat(select("*")).containsExactly("solo", "lb1", "web1", "web2", "web3", "db1");
        assertThat(select("web")).containsExactly("web1", "web2", "web3");
        assertThat(select("db1")).containsExactly("db1");
        assertThat(select("nosuch")).isEmpty();
        assertThat(select("ungrouped")).containsExactly("solo");
    }

    @Test
    void unionIntersectionExclusion() {
        assertThat(select("web:db")).containsExactly("web1", "web2", "web3", "db1");
        assertThat(select("db,web")).containsExactly("db1", "web2", "web1", "web3");
        assertThat(select("web:&db")).containsExactly("web2");
        assertThat(select("app:!db")).containsExactly("web1", "web3");
        assertThat(select("!web")).as("only exclusions start from all").containsExactly("solo", "lb1", "db1");
        assertThat(select("&db")).containsExactly("web2", "db1");
        assertThat(select("web1,web1")).containsExactly("web1");
    }

    @Test
    void globsAndRegexes() {
        assertThat(select("web*")).containsExactly("web1", "web2", "web3");
        assertThat(select("w?b[!2]")).containsExactly("web1", "web3");
        assertThat(select("w?b1")).containsExactly("web1");
        // a trailing [digits] is a subscript, even after a glob: 'w?b' matches group web, which has no 14th host
        assertThatThrownBy(() -> select("w?b[13]")).isInstanceOf(InputException.class)
            .hasMessageContaining("No hosts matched the subscripted pattern 'w?b[13]'");
        assertThat(select("w[!x]b2")).containsExactly("web2");
        assertThat(select("w[a-f]b?")).containsExactly("web1", "web2", "web3");
        assertThat(select("w[a-f]b[1-2]")).as("[1-2] is the old x-y subscript form").containsExactly("web2", "web3");
        assertThat(select("~(web|db)1")).containsExactly("web1", "db1");
        assertThat(select("~b")).as("regexes match at the start, like re.match").isEmpty();
        assertThat(select("~.*b")).containsExactly("web1", "web2", "web3", "db1", "lb1");
    }

    @Test
    void subscripts() {
        assertThat(select("web[0]")).containsExactly("web1");
        assertThat(select("web[-1]")).containsExactly("web3");
        assertThat(select("web[1:2]")).containsExactly("web2", "web3");
        assertThat(select("web[1:]")).containsExactly("web2", "web3");
        assertThat(select("web[5:9]")).isEmpty();
        assertThat(select("web[2:0]")).as("end 0 means a single index in Ansible").containsExactly("web3");
        assertThatThrownBy(() -> select("web[7]")).isInstanceOf(InputException.class)
            .hasMessageContaining("No hosts matched the subscripted pattern 'web[7]'");
    }

    @Test
    void invalidRegexIsAnInputError() {
        assertThatThrownBy(() -> select("~(")).isInstanceOf(InputException.class).hasMessageContaining("Invalid host list pattern");
        assertThat(select("~[")).as("':' splitting leaves '~', an empty regex, as in Ansible").hasSize(6);
    }

    @Test
    void limitsIncludingFiles() throws Exception {
        java.nio.file.Files.writeString(dir.resolve("retry"), "web1\n\n!web2\ndb1\n");
        assertThat(inventory.select("app", Limit.parse("web", dir)).stream().map(Host::name)).containsExactly("web1", "web2", "web3");
        assertThat(inventory.select("all", Limit.parse("@retry", dir)).stream().map(Host::name)).containsExactly("web1", "db1");
        assertThat(inventory.select("all", Limit.parse("@retry,lb1", dir)).stream().map(Host::name)).containsExactly("lb1", "web1", "db1");
        assertThatThrownBy(() -> Limit.parse("@missing", dir)).isInstanceOf(InputException.class)
            .hasMessageContaining("Unable to find limit file");
    }

    @Test
    void implicitLocalhost() {
        List<Host> hosts = inventory.select("localhost");
        assertThat(hosts).singleElement().satisfies(h -> {
            assertThat(h.implicit()).isTrue();
            assertThat(h.connection().connection()).contains("local");
        });
        assertThat(select("all")).doesNotContain("localhost");
        assertThat(inventory.hostVars("localhost")).containsEntry("ansible_connection", "local");
    }

    @Test
    void patternSplitting() {
        assertThat(HostSelector.splitPattern("a:b")).containsExactly("a", "b");
        assertThat(HostSelector.splitPattern("a, b ,c")).containsExactly("a", "b", "c");
        assertThat(HostSelector.splitPattern("web[1:3]")).containsExactly("web[1:3]");
        assertThat(HostSelector.splitPattern("web[1:3]:&db")).containsExactly("web[1:3]", "&db");
        assertThat(HostSelector.splitPattern("10.0.0.1:22")).containsExactly("10.0.0.1:22");
        assertThat(HostSelector.splitPattern("fe80::1")).containsExactly("fe80::1");
    }
}
