package io.rmqfleet.controller.playbook.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rmqfleet.controller.input.InputException;
import io.rmqfleet.controller.playbook.model.Block;
import io.rmqfleet.controller.playbook.model.Playbook;
import io.rmqfleet.controller.playbook.model.Serial;
import io.rmqfleet.controller.playbook.model.Task;
import io.rmqfleet.controller.playbook.parse.Fixtures;
import io.rmqfleet.controller.playbook.parse.PlaybookParser;
import io.rmqfleet.controller.playbook.template.Templar;
import io.rmqfleet.controller.playbook.template.Vars;
import io.rmqfleet.controller.playbook.vars.FakeInventory;
import io.rmqfleet.controller.playbook.vars.RuntimeVars;
import io.rmqfleet.controller.playbook.vars.VarsResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlannerTest {

    private static final Templar T = new Templar();

    @TempDir
    Path dir;

    private static FakeInventory brokers() {
        return new FakeInventory().group("ns", "ns1", "ns2").group("brokers", "b1", "b2", "b3", "b4", "b5");
    }

    private static Plan planFull(PlanOptions options) {
        Playbook book = new PlaybookParser().parse(Fixtures.playbook("full/site.yml"));
        return new Planner(T).plan(brokers(), book, options);
    }

    @Test
    void selectsHostsAndSplitsSerialBatches() {
        PlayPlan play = planFull(PlanOptions.DEFAULTS).plays().get(0);
        assertThat(play.hosts()).containsExactly("b1", "b2", "b3", "b4", "b5");
        // serial: [1, "50%"] of 5 hosts: 1, then int(2.5) = 2 repeatedly.
        assertThat(play.batches()).containsExactly(List.of("b1"), List.of("b2", "b3"), List.of("b4", "b5"));
        assertThat(play.name()).isEqualTo("deploy DefaultCluster");
        assertThat(play.number()).isEqualTo(1);
    }

    @Test
    void limitIntersectsInPlayOrder() {
        PlanOptions opts = new PlanOptions(Map.of(), "b4,b2,ns1", TagSelection.ALL, false);
        PlayPlan play = planFull(opts).plays().get(0);
        assertThat(play.hosts()).containsExactly("b2", "b4");
        assertThat(play.batches()).containsExactly(List.of("b2"), List.of("b4"));
    }

    @Test
    void ordersSectionsWithImplicitHandlerFlushes() {
        PlayPlan play = planFull(PlanOptions.DEFAULTS).plays().get(0);
        List<String> names = play.tasks().stream().map(n -> n instanceof Task t
            ? (t.implicit() ? "<flush>" : t.displayName()) : "block:" + ((Block) n).name()).toList();
        assertThat(names).containsExactly("announce", "<flush>", "base : base task", "common : common task",
            "broker : render broker.conf", "broker : start broker", "write marker", "block:guarded",
            "imported one", "imported two", "every time", "meta", "<flush>", "wait for port", "<flush>");
        assertThat(play.handlers()).hasSize(2);
        assertThat(play.normalPathTasks()).extracting(Task::displayName).contains("risky", "include_tasks")
            .doesNotContain("recover");
        assertThat(play.flatTasks()).extracting(Task::displayName).contains("recover", "cleanup");
    }

    @Test
    void tagsSelectTasksAlwaysAndNever() {
        PlanOptions onlyStart = new PlanOptions(Map.of(), null, new TagSelection(Set.of("start"), Set.of()), false);
        List<String> names = planFull(onlyStart).plays().get(0).normalPathTasks().stream()
            .filter(t -> !t.implicit()).map(Task::displayName).toList();
        assertThat(names).containsExactly("broker : start broker", "every time");

        PlanOptions debug = new PlanOptions(Map.of(), null, new TagSelection(Set.of("debug"), Set.of()), false);
        assertThat(planFull(debug).plays().get(0).normalPathTasks()).extracting(Task::displayName)
            .contains("only when asked", "every time");

        PlanOptions skipAlways = new PlanOptions(Map.of(), null,
            new TagSelection(Set.of("start"), Set.of("always")), false);
        assertThat(planFull(skipAlways).plays().get(0).normalPathTasks()).extracting(Task::displayName)
            .containsExactly("broker : start broker");

        PlanOptions skipGuarded = new PlanOptions(Map.of(), null, new TagSelection(Set.of(), Set.of("guarded")), false);
        assertThat(planFull(skipGuarded).plays().get(0).tasks()).noneMatch(n -> n instanceof Block);
    }

    @Test
    void blocksKeepRescueAndAlwaysWhenSelected() {
        PlanOptions guarded = new PlanOptions(Map.of(), null, new TagSelection(Set.of("guarded"), Set.of()), false);
        Block block = (Block) planFull(guarded).plays().get(0).tasks().stream()
            .filter(n -> n instanceof Block).findFirst().orElseThrow();
        assertThat(block.block()).hasSize(2);
        assertThat(block.rescue()).hasSize(1);
        assertThat(block.always()).hasSize(1);
    }

    @Test
    void extraVarsOverridePlayVarsInNameAndVarsFilesAreLoaded() {
        Plan plan = planFull(new PlanOptions(Map.of("cluster_name", "Prod"), null, TagSelection.ALL, false));
        PlayPlan play = plan.plays().get(0);
        assertThat(play.name()).isEqualTo("deploy Prod");
        VarsResolver vars = play.varsResolver(new RuntimeVars());
        Vars v = vars.forHost("b1");
        assertThat(T.template("{{ from_vars_file }}", v)).isEqualTo(true);
        // vars_files beat play vars.
        assertThat(T.template("{{ play_var }}", v)).isEqualTo("from-vars-file");
        Task start = play.normalPathTasks().stream().filter(t -> t.displayName().equals("broker : start broker"))
            .findFirst().orElseThrow();
        Vars tv = vars.forTask("b1", start);
        // Role params beat role defaults; role vars are visible.
        assertThat(T.template("{{ broker_role }}/{{ broker_heap }}/{{ broker_conf_dir }}", tv))
            .isEqualTo("ASYNC_MASTER/256m//etc/rocketmq");
        assertThat(T.template("{{ groups['brokers'] | length }}", tv)).isEqualTo(5);
    }

    @Test
    void serialVariants() {
        List<String> ten = List.of("h0", "h1", "h2", "h3", "h4", "h5", "h6", "h7", "h8", "h9");
        assertThat(new Serial(List.of(new Serial.Step(30, true))).batches(ten)).extracting(List::size)
            .containsExactly(3, 3, 3, 1);
        assertThat(new Serial(List.of(new Serial.Step(1, false), new Serial.Step(5, false))).batches(ten))
            .extracting(List::size).containsExactly(1, 5, 4);
        assertThat(new Serial(List.of(new Serial.Step(0, false))).batches(ten)).extracting(List::size)
            .containsExactly(10);
        assertThat(Serial.ALL.batches(ten)).containsExactly(ten);
        assertThat(new Serial(List.of(new Serial.Step(1, true))).batches(List.of("a", "b"))).extracting(List::size)
            .containsExactly(1, 1);
        assertThat(Serial.ALL.batches(List.of())).isEmpty();
    }

    @Test
    void unnamedPlayIsShownByItsPatternsAndNoMatchWarns() throws IOException {
        Path pb = dir.resolve("site.yml");
        Files.writeString(pb, "- hosts: [ns, 'b1']\n  tasks: [{debug: msg=x}]\n- hosts: nomatch\n  tasks: []\n");
        Plan plan = new Planner(T).plan(brokers(), new PlaybookParser().parse(pb), PlanOptions.DEFAULTS);
        assertThat(plan.plays().get(0).name()).isEqualTo("ns,b1");
        assertThat(plan.plays().get(0).hosts()).containsExactly("ns1", "ns2", "b1");
        assertThat(plan.plays().get(1).hosts()).isEmpty();
        assertThat(plan.warnings()).containsExactly("Could not match supplied host pattern, ignoring: nomatch");
        assertThat(plan.allHosts()).containsExactly("ns1", "ns2", "b1");
    }

    @Test
    void hostsCanBeTemplatedWithExtraVars() throws IOException {
        Path pb = dir.resolve("site.yml");
        Files.writeString(pb, "- hosts: \"{{ target | default('ns') }}\"\n  tasks: []\n");
        Playbook book = new PlaybookParser().parse(pb);
        assertThat(new Planner(T).plan(brokers(), book, PlanOptions.DEFAULTS).plays().get(0).hosts())
            .containsExactly("ns1", "ns2");
        PlanOptions target = new PlanOptions(Map.of("target", "b5"), null, TagSelection.ALL, false);
        assertThat(new Planner(T).plan(brokers(), book, target).plays().get(0).hosts()).containsExactly("b5");
    }

    @Test
    void undefinedInHostsOrVarsFilesIsAnInputError() throws IOException {
        Path pb = dir.resolve("site.yml");
        Files.writeString(pb, "- hosts: all\n  tasks: []\n- hosts: \"{{ nope }}\"\n  tasks: []\n");
        Playbook book = new PlaybookParser().parse(pb);
        assertThatThrownBy(() -> new Planner(T).plan(brokers(), book, PlanOptions.DEFAULTS))
            .isInstanceOf(InputException.class)
            .hasMessage("'hosts': 'nope' is undefined")
            .extracting(e -> ((InputException) e).location().line()).isEqualTo(3);

        Files.writeString(pb, "- hosts: all\n  vars_files: [missing.yml]\n  tasks: []\n");
        assertThatThrownBy(() -> new Planner(T).plan(brokers(), new PlaybookParser().parse(pb), PlanOptions.DEFAULTS))
            .isInstanceOf(InputException.class).hasMessageStartingWith("vars file 'missing.yml' not found");

        Files.writeString(dir.resolve("bad.yml"), "a: [1\n");
        Files.writeString(pb, "- hosts: all\n  vars_files: [bad.yml]\n  tasks: []\n");
        assertThatThrownBy(() -> new Planner(T).plan(brokers(), new PlaybookParser().parse(pb), PlanOptions.DEFAULTS))
            .isInstanceOf(InputException.class)
            .satisfies(e -> assertThat(((InputException) e).describe()).contains("bad.yml:2:1: YAML syntax error"));
    }
}
