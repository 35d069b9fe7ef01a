package io.rmqfleet.controller.playbook.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmqfleet.controller.playbook.model.Block;
import io.rmqfleet.controller.playbook.model.Play;
import io.rmqfleet.controller.playbook.model.Playbook;
import io.rmqfleet.controller.playbook.model.Serial;
import io.rmqfleet.controller.playbook.model.Task;
import io.rmqfleet.controller.playbook.model.TaskNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class PlaybookParserTest {

    private static Playbook book;
    private static Play play;

    @BeforeAll
    static void parse() {
        book = new PlaybookParser().parse(Fixtures.playbook("full/site.yml"));
        play = book.plays().get(0);
    }

    @Test
    void readsPlayKeywords() {
        assertThat(book.plays()).hasSize(1);
        assertThat(play.name()).isEqualTo("deploy {{ cluster_name }}");
        assertThat(play.hosts()).containsExactly("brokers");
        assertThat(play.gatherFacts()).isFalse();
        assertThat(play.serial()).isEqualTo(new Serial(List.of(new Serial.Step(1, false), new Serial.Step(50, true))));
        assertThat(play.maxFailPercentage()).isEqualTo(25.0);
        assertThat(play.anyErrorsFatal()).isTrue();
        assertThat(play.tags()).containsExactly("deploy");
        assertThat(play.vars()).containsEntry("cluster_name", "DefaultCluster").containsEntry("play_var", "from-play");
        assertThat(play.varsFiles()).extracting(Play.VarsFileRef::path).containsExactly("vars/common.yml");
        assertThat(play.location().line()).isEqualTo(2);
        assertThat(play.location().column()).isEqualTo(3);
    }

    @Test
    void pushesPlayKeywordsIntoTasks() {
        Task announce = (Task) play.preTasks().get(0);
        assertThat(announce.become()).isTrue();
        assertThat(announce.tags()).containsExactly("deploy");
        assertThat(announce.action()).isEqualTo("debug");
        assertThat(announce.args()).containsEntry("msg", "starting {{ inventory_hostname }}");
    }

    @Test
    void expandsRolesWithDependenciesFirst() {
        List<String> names = play.roleTasks().stream().map(n -> ((Task) n).displayName()).toList();
        assertThat(names).containsExactly("base : base task", "common : common task", "broker : render broker.conf",
            "broker : start broker");
        assertThat(play.roles()).extracting(r -> r.name()).containsExactly("base", "common", "broker");
        Task start = (Task) play.roleTasks().get(3);
        assertThat(start.role().params()).containsEntry("broker_role", "ASYNC_MASTER");
        assertThat(start.role().role().defaults()).containsEntry("broker_role", "SLAVE");
        assertThat(start.role().role().vars()).containsEntry("broker_conf_dir", "/etc/rocketmq");
        assertThat(start.tags()).containsExactlyInAnyOrder("deploy", "broker", "start");
        assertThat(start.loop().items()).isEqualTo("{{ groups['brokers'] }}");
        assertThat(start.loop().loopVar()).isEqualTo("peer");
        // Dependencies inherit the tags of the role entry that pulled them in.
        assertThat(((Task) play.roleTasks().get(0)).tags()).containsExactlyInAnyOrder("deploy", "broker");
        assertThat(start.location().file()).endsWith("roles/broker/tasks/main.yml".replace('/', java.io.File.separatorChar));
        assertThat(start.location().line()).isEqualTo(6);
    }

    @Test
    void parsesInlineArgsWithQuotes() {
        Task marker = (Task) play.tasks().get(0);
        assertThat(marker.action()).isEqualTo("copy");
        assertThat(marker.args()).containsExactly(Map.entry("content", "hello world"), Map.entry("dest", "/tmp/marker"),
            Map.entry("mode", "0644"));
        assertThat(marker.notifications()).containsExactly("restart broker");
    }

    @Test
    void keepsBlocksWithInheritedKeywords() {
        Block guarded = (Block) play.tasks().get(1);
        assertThat(guarded.name()).isEqualTo("guarded");
        assertThat(guarded.block()).hasSize(2);
        assertThat(guarded.rescue()).hasSize(1);
        assertThat(guarded.always()).hasSize(1);
        Task risky = (Task) guarded.block().get(0);
        assertThat(risky.when()).containsExactly("play_var is defined");
        assertThat(risky.tags()).containsExactlyInAnyOrder("deploy", "guarded");
        assertThat(risky.register()).isEqualTo("risky_result");
        assertThat(risky.changedWhen()).containsExactly("False");
        assertThat(risky.args()).containsEntry("_raw_params", "/bin/false");
        Task cleanup = (Task) guarded.always().get(0);
        assertThat(cleanup.when()).containsExactly("play_var is defined");
        assertThat(cleanup.become()).isTrue();
    }

    @Test
    void modelsIncludeTasksForTheExecutor() {
        Block guarded = (Block) play.tasks().get(1);
        Task include = (Task) guarded.block().get(1);
        assertThat(include.isInclude()).isTrue();
        assertThat(include.args()).containsEntry("file", "tasks/extra.yml");
        assertThat(include.varScopes()).containsExactly(Map.of("extra_var", 1));
        assertThat(include.when()).containsExactly("play_var is defined");

        List<TaskNode> included = new PlaybookParser().loadInclude(include, "tasks/extra.yml");
        Task extra = (Task) included.get(0);
        assertThat(extra.name()).isEqualTo("extra task");
        assertThat(extra.varScopes()).containsExactly(Map.of("extra_var", 1));
        // The include's own condition was evaluated for the include; its parents' are inherited.
        assertThat(extra.when()).containsExactly("play_var is defined");
        assertThat(extra.tags()).containsExactlyInAnyOrder("deploy", "guarded");
    }

    @Test
    void expandsImportTasksStatically() {
        Task one = (Task) play.tasks().get(2);
        Task two = (Task) play.tasks().get(3);
        assertThat(one.name()).isEqualTo("imported one");
        assertThat(one.tags()).containsExactlyInAnyOrder("deploy", "imported");
        assertThat(one.when()).containsExactly("True");
        assertThat(one.args()).containsExactlyInAnyOrderEntriesOf(Map.of("_raw_params", "echo one && echo two", "chdir", "/tmp"));
        assertThat(two.action()).isEqualTo("command");
        assertThat(two.args()).containsEntry("cmd", "uptime");
    }

    @Test
    void readsTagsAlwaysAndNever() {
        Task never = (Task) play.tasks().get(4);
        Task always = (Task) play.tasks().get(5);
        assertThat(never.tags()).containsExactlyInAnyOrder("deploy", "never", "debug");
        assertThat(always.tags()).containsExactlyInAnyOrder("deploy", "always");
        Task flush = (Task) play.tasks().get(6);
        assertThat(flush.isFlushHandlers()).isTrue();
    }

    @Test
    void readsRetriesAndUntil() {
        Task wait = (Task) play.postTasks().get(0);
        assertThat(wait.retries()).isEqualTo(5);
        assertThat(wait.delay()).isEqualTo(2);
        assertThat(wait.until()).containsExactly("port_ok is succeeded");
        assertThat(wait.args()).containsEntry("port", 10911);
    }

    @Test
    void collectsRoleHandlersBeforePlayHandlers() {
        assertThat(play.handlers()).extracting(Task::displayName)
            .containsExactly("broker : reload broker", "restart broker");
        Task restart = play.handlers().get(1);
        assertThat(restart.listen()).containsExactly("broker changed");
        assertThat(restart.handler()).isTrue();
        assertThat(restart.handlerAliases()).containsExactly("restart broker", "broker changed");
        assertThat(play.handlers().get(0).handlerAliases()).contains("broker : reload broker");
    }

    @Test
    void tagsSetIsImmutable() {
        Task t = (Task) play.tasks().get(0);
        assertThat(t.tags()).isInstanceOf(Set.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> t.args().put("x", 1))
            .isInstanceOf(UnsupportedOperationException.class);
    }
}
