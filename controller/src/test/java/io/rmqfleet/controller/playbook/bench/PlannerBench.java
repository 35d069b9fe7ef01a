package io.rmqfleet.controller.playbook.bench;

import io.rmqfleet.controller.inventory.Inventory;
import io.rmqfleet.controller.playbook.model.Playbook;
import io.rmqfleet.controller.playbook.parse.PlaybookParser;
import io.rmqfleet.controller.playbook.plan.Plan;
import io.rmqfleet.controller.playbook.plan.PlanOptions;
import io.rmqfleet.controller.playbook.plan.Planner;
import io.rmqfleet.controller.playbook.plan.PlayPlan;
import io.rmqfleet.controller.playbook.plan.TagSelection;
import io.rmqfleet.controller.playbook.template.Templar;
import io.rmqfleet.controller.playbook.vars.InventoryViews;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Timing harness for parsing and planning (bench/planner/run.sh runs it). Writes a 1,000-host inventory and a
 * playbook of 50 tasks (two roles with a dependency, blocks, loops, conditions, an import and an include,
 * serial batches, templated play names and vars_files), then measures in one JVM: the first (cold) inventory
 * load + playbook parse + plan, and the median of warm repetitions of each step. Prints a Markdown table.
 *
 * <p>Usage: {@code PlannerBench DIR [REPETITIONS]}; DIR keeps the generated files for the other measurements.
 */
public final class PlannerBench {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private PlannerBench() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("rmqfleet-planner-bench");
        int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path inventoryFile = writeInventory(dir.resolve("inventory"));
        Path playbookFile = writePlaybook(dir.resolve("playbook"));
        if (args.length > 2 && args[2].equals("--generate-only")) {
            return;
        }
        System.out.println("CPU time of the benchmark thread (wall time in brackets); load average at start "
            + String.format("%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()) + " on "
            + Runtime.getRuntime().availableProcessors() + " cores.");
        System.out.println();
        System.out.println("| step | cold JVM (first run) | warm median of " + repetitions + " |");
        System.out.println("|---|---|---|");

        PlanOptions options = new PlanOptions(Map.of("cluster", "Bench"), "all", TagSelection.ALL, false);
        long[] c0 = now();
        Inventory coldInventory = Inventory.load(List.of(inventoryFile));
        long[] coldInv = since(c0);
        long[] c1 = now();
        Playbook coldBook = new PlaybookParser().parse(playbookFile);
        long[] coldParse = since(c1);
        long[] c2 = now();
        Plan coldPlan = new Planner(Templar.shared()).plan(InventoryViews.of(coldInventory), coldBook, options);
        long[] coldPlanning = since(c2);
        check(coldPlan);

        List<long[]> inv = new ArrayList<>();
        List<long[]> parse = new ArrayList<>();
        List<long[]> plan = new ArrayList<>();
        List<long[]> total = new ArrayList<>();
        for (int i = 0; i < repetitions; i++) {
            long[] a = now();
            Inventory inventory = Inventory.load(List.of(inventoryFile));
            long[] ai = since(a);
            long[] b = now();
            Playbook book = new PlaybookParser().parse(playbookFile);
            long[] bp = since(b);
            long[] c = now();
            Plan p = new Planner(Templar.shared()).plan(InventoryViews.of(inventory), book, options);
            long[] cp = since(c);
            check(p);
            inv.add(ai);
            parse.add(bp);
            plan.add(cp);
            total.add(new long[] {ai[0] + bp[0] + cp[0], ai[1] + bp[1] + cp[1]});
        }
        long[] coldTotal = {coldInv[0] + coldParse[0] + coldPlanning[0], coldInv[1] + coldParse[1] + coldPlanning[1]};
        System.out.printf("| load 1,000-host inventory | %s | %s |%n", ms(coldInv), ms(median(inv)));
        System.out.printf("| parse 50-task playbook (+2 roles, import) | %s | %s |%n", ms(coldParse), ms(median(parse)));
        System.out.printf("| plan (hosts, limit, batches, tags, vars_files) | %s | %s |%n", ms(coldPlanning),
            ms(median(plan)));
        System.out.printf("| **total: parse + plan** | **%s** | **%s** |%n", ms(coldTotal), ms(median(total)));
        PlayPlan first = coldPlan.plays().get(0);
        System.out.printf("%nPlan: %d plays, %d hosts in play 1 in %d batches, %d tasks in play 1 (%d counted with"
                + " blocks opened).%n", coldPlan.plays().size(), first.hosts().size(), first.batches().size(),
            first.tasks().size(), first.flatTasks().size());
    }

    private static void check(Plan plan) {
        if (plan.plays().get(0).hosts().size() != 998 || plan.plays().get(0).flatTasks().stream()
            .filter(t -> !t.implicit()).count() + plan.plays().get(1).flatTasks().stream()
            .filter(t -> !t.implicit()).count() != 50) {
            throw new IllegalStateException("unexpected plan: " + plan.plays().get(0).hosts().size() + " hosts");
        }
    }

    private static long[] now() {
        return new long[] {THREADS.getCurrentThreadCpuTime(), System.nanoTime()};
    }

    private static long[] since(long[] start) {
        long[] end = now();
        return new long[] {end[0] - start[0], end[1] - start[1]};
    }

    private static long[] median(List<long[]> values) {
        List<long[]> sorted = new ArrayList<>(values);
        sorted.sort((x, y) -> Long.compare(x[0], y[0]));
        return sorted.get(sorted.size() / 2);
    }

    private static String ms(long[] cpuWall) {
        return String.format("%.1f ms (%.0f ms)", cpuWall[0] / 1e6, cpuWall[1] / 1e6);
    }

    /** 2 NameServers and 998 brokers (masters and slaves in two data centres) with group_vars. */
    static Path writeInventory(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("group_vars"));
        StringBuilder s = new StringBuilder("[namesrv]\nns1 ansible_host=10.213.0.1\nns2 ansible_host=10.213.0.2\n\n");
        s.append("[masters]\n");
        for (int i = 0; i < 499; i++) {
            s.append(String.format("broker-m-%03d ansible_host=10.213.%d.%d broker_id=0 broker_role=ASYNC_MASTER%n",
                i, 1 + i / 250, i % 250 + 2));
        }
        s.append("\n[slaves]\n");
        for (int i = 0; i < 499; i++) {
            s.append(String.format("broker-s-%03d ansible_host=10.213.%d.%d broker_id=1 broker_role=SLAVE%n",
                i, 3 + i / 250, i % 250 + 2));
        }
        s.append("\n[broker:children]\nmasters\nslaves\n\n[broker:vars]\nlisten_port=10911\n");
        s.append("[all:vars]\nansible_user=root\n");
        Files.writeString(dir.resolve("hosts"), s);
        Files.writeString(dir.resolve("group_vars/all.yml"), "rocketmq_image: rocketmq:5.3.3\nheap: 256m\n");
        Files.writeString(dir.resolve("group_vars/broker.yml"), "store: /home/rocketmq/store\n");
        return dir.resolve("hosts");
    }

    /**
     * 50 tasks: play 1 has a role with a dependency (10 + 5 tasks) and 25 own tasks (a block of 4 with rescue and
     * always, an import of 5, an include, 13 more with loops, conditions, registers, retries), play 2 has 10.
     */
    static Path writePlaybook(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("roles/common/tasks"));
        Files.createDirectories(dir.resolve("roles/common/defaults"));
        Files.createDirectories(dir.resolve("roles/broker/tasks"));
        Files.createDirectories(dir.resolve("roles/broker/meta"));
        Files.createDirectories(dir.resolve("roles/broker/handlers"));
        Files.createDirectories(dir.resolve("roles/broker/defaults"));
        Files.createDirectories(dir.resolve("tasks"));
        Files.createDirectories(dir.resolve("vars"));
        Files.writeString(dir.resolve("roles/common/defaults/main.yml"), "data_root: /data\n");
        Files.writeString(dir.resolve("roles/common/tasks/main.yml"), tasks("common", 5));
        Files.writeString(dir.resolve("roles/broker/meta/main.yml"), "dependencies: [common]\n");
        Files.writeString(dir.resolve("roles/broker/defaults/main.yml"), "broker_heap: \"{{ heap }}\"\n");
        Files.writeString(dir.resolve("roles/broker/handlers/main.yml"), "- name: restart\n  debug: msg=restart\n");
        Files.writeString(dir.resolve("roles/broker/tasks/main.yml"), tasks("broker", 10));
        Files.writeString(dir.resolve("tasks/imported.yml"), tasks("imported", 5));
        Files.writeString(dir.resolve("tasks/included.yml"), tasks("included", 3));
        Files.writeString(dir.resolve("vars/cluster.yml"), "namesrv_port: 9876\n");
        StringBuilder s = new StringBuilder();
        s.append("- name: \"Deploy {{ cluster }}\"\n  hosts: broker\n  gather_facts: false\n  serial: [1, \"10%\"]\n")
            .append("  vars_files: [\"vars/{{ vars_file }}.yml\"]\n  vars:\n    cluster: Default\n")
            .append("    vars_file: cluster\n")
            .append("  roles:\n    - role: broker\n      tags: [broker]\n  tasks:\n");
        s.append("    - name: guarded\n      block:\n").append(indent(tasks("block", 4), 8))
            .append("      rescue:\n").append(indent(tasks("rescue", 1), 8))
            .append("      always:\n").append(indent(tasks("always", 1), 8))
            .append("      when: listen_port | int > 0\n");
        s.append("    - import_tasks: tasks/imported.yml\n      tags: [imported]\n");
        s.append("    - include_tasks: tasks/included.yml\n      when: broker_id == 1\n");
        s.append(indent(tasks("play", 13), 4));
        s.append("- name: NameServers\n  hosts: namesrv\n  gather_facts: false\n  tasks:\n");
        s.append(indent(tasks("ns", 10), 4));
        Files.writeString(dir.resolve("site.yml"), s);
        return dir.resolve("site.yml");
    }

    private static String tasks(String prefix, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            switch (i % 4) {
                case 0 -> s.append("- name: ").append(prefix).append(" file ").append(i).append('\n')
                    .append("  file: path={{ data_root | default('/data') }}/").append(prefix).append(i)
                    .append(" state=directory mode=0755\n  tags: [files]\n");
                case 1 -> s.append("- name: ").append(prefix).append(" loop ").append(i).append('\n')
                    .append("  debug:\n    msg: \"{{ item }} on {{ inventory_hostname }}\"\n")
                    .append("  loop: \"{{ groups['namesrv'] }}\"\n  when: inventory_hostname is defined\n");
                case 2 -> s.append("- name: ").append(prefix).append(" command ").append(i).append('\n')
                    .append("  command: echo {{ inventory_hostname }}\n  register: out").append(i).append('\n')
                    .append("  changed_when: false\n  retries: 3\n  until: out").append(i).append(" is succeeded\n");
                default -> s.append("- name: ").append(prefix).append(" template ").append(i).append('\n')
                    .append("  copy:\n    content: \"{{ heap }} {{ rocketmq_image }}\"\n    dest: /tmp/").append(prefix)
                    .append(i).append("\n  tags: [config]\n");
            }
        }
        return s.toString();
    }

    private static String indent(String text, int spaces) {
        String pad = " ".repeat(spaces);
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n")) {
            out.append(pad).append(line).append('\n');
        }
        return out.toString();
    }

}
