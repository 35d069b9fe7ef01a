package io.rmqfleet.controller.inventory.bench;

import io.rmqfleet.controller.inventory.Host;
import io.rmqfleet.controller.inventory.Inventory;
import io.rmqfleet.controller.inventory.InventoryReport;
import io.rmqfleet.controller.inventory.Limit;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Timing harness for inventory parsing (bench/inventory/run.sh runs it). Writes a 1,000-host inventory (INI with
 * ranges, children, vars, plus group_vars/ and host_vars/ files, and the same as YAML), then measures in one JVM:
 * the first (cold) load + pattern selection, and the median of warm repetitions. Prints a Markdown table.
 *
 * <p>Usage: {@code InventoryBench [DIR] [REPETITIONS]}; DIR keeps the generated inventory for other tools.
 */
public final class InventoryBench {
    static final String[] PATTERNS = {"all", "brokers", "brokers:&dc1", "brokers:!slaves", "namesrv,dashboard",
        "broker-a-*", "~broker-[ab]-0[0-4][0-9]", "brokers[0:99]", "dc2:&masters:!broker-b-100", "all[-1]"};

    private InventoryBench() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("rmqfleet-inventory-bench");
        int repetitions = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Path ini = writeIni(dir.resolve("ini"));
        Path yaml = writeYaml(dir.resolve("yaml"));
        System.out.println("| inventory | hosts | first load + patterns (cold JVM) | warm median load | warm median 10 patterns | warm median --list JSON |");
        System.out.println("|---|---|---|---|---|---|");
        for (Path source : List.of(ini, yaml)) {
            measure(source, repetitions);
        }
        System.out.println();
        System.out.println("inventory files: " + dir);
    }

    private static void measure(Path source, int repetitions) {
        long t0 = System.nanoTime();
        Inventory first = Inventory.load(List.of(source));
        int selected = selectAll(first);
        long cold = System.nanoTime() - t0;
        List<Long> loads = new ArrayList<>();
        List<Long> selects = new ArrayList<>();
        List<Long> lists = new ArrayList<>();
        for (int i = 0; i < repetitions; i++) {
            long a = System.nanoTime();
            Inventory inventory = Inventory.load(List.of(source));
            long b = System.nanoTime();
            selected += selectAll(inventory);
            long c = System.nanoTime();
            selected += new InventoryReport(inventory, Limit.parse("all")).listJson().length() > 0 ? 1 : 0;
            long d = System.nanoTime();
            loads.add(b - a);
            selects.add(c - b);
            lists.add(d - c);
        }
        if (selected == 0) {
            throw new IllegalStateException("nothing selected");
        }
        System.out.printf("| %s/%s | %d | %.0f ms | %.1f ms | %.2f ms | %.1f ms |%n", source.getParent().getFileName(),
            source.getFileName(), first.hosts().size(),
            cold / 1e6, median(loads) / 1e6, median(selects) / 1e6, median(lists) / 1e6);
    }

    private static int selectAll(Inventory inventory) {
        int n = 0;
        for (String p : PATTERNS) {
            List<Host> hosts = inventory.select(p);
            n += hosts.size();
        }
        return n;
    }

    private static double median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        return sorted.get(sorted.size() / 2);
    }

    /** 2 NameServers, 2 dashboards, 996 brokers in two data centres: ranges, children, vars at every level. */
    static Path writeIni(Path dir) throws IOException {
        Files.createDirectories(dir.resolve("group_vars"));
        Files.createDirectories(dir.resolve("host_vars"));
        StringBuilder s = new StringBuilder();
        s.append("[namesrv]\nns[1:2] ansible_user=root\n\n[dashboard]\ndash[1:2]\n\n");
        s.append("[masters]\nbroker-a-[000:249] broker_role=ASYNC_MASTER\nbroker-b-[000:248] broker_role=SYNC_MASTER\n\n");
        s.append("[slaves]\n");
        for (int i = 0; i < 497; i++) {
            s.append(String.format("broker-s-%03d ansible_host=10.213.%d.%d broker_id=1 heap=\"512m\"%n", i, 1 + i / 250, i % 250 + 2));
        }
        s.append("\n[dc1]\nbroker-a-[000:249]\nbroker-s-[000:199]\n\n[dc2]\nbroker-b-[000:248]\nbroker-s-[200:496]\n\n");
        s.append("[brokers:children]\nmasters\nslaves\n\n[rocketmq:children]\nnamesrv\nbrokers\ndashboard\n\n");
        s.append("[brokers:vars]\nlisten_port=10911\nflush=ASYNC_FLUSH\n[dc1:vars]\ndc=one\n[dc2:vars]\ndc=two\nansible_group_priority=2\n");
        s.append("[all:vars]\nansible_user=root\nansible_ssh_common_args='-o StrictHostKeyChecking=no'\n");
        Files.writeString(dir.resolve("hosts"), s);
        Files.writeString(dir.resolve("group_vars/all.yml"), "rocketmq_version: 5.3.3\ncluster: DefaultCluster\n");
        Files.writeString(dir.resolve("group_vars/brokers.yml"), "heap: 256m\nstore: /home/rocketmq/store\nports: [10909, 10911, 10912]\n");
        for (int i = 0; i < 50; i++) {
            Files.writeString(dir.resolve(String.format("host_vars/broker-a-%03d.yml", i)), "heap: 1g\n");
        }
        return dir.resolve("hosts");
    }

    static Path writeYaml(Path dir) throws IOException {
        Files.createDirectories(dir);
        StringBuilder s = new StringBuilder("all:\n  vars:\n    ansible_user: root\n  children:\n");
        s.append("    namesrv:\n      hosts:\n        ns[1:2]:\n    dashboard:\n      hosts:\n        dash[1:2]:\n");
        s.append("    brokers:\n      vars:\n        listen_port: 10911\n      children:\n");
        s.append("        masters:\n          hosts:\n");
        for (int i = 0; i < 498; i++) {
            s.append(String.format("            broker-%s-%03d:%n              broker_role: ASYNC_MASTER%n              ansible_host: 10.213.%d.%d%n",
                i < 250 ? "a" : "b", i < 250 ? i : i - 250, 1 + i / 250, i % 250 + 2));
        }
        s.append("        slaves:\n          hosts:\n            broker-s-[000:497]:\n              broker_id: 1\n");
        s.append("    dc1:\n      hosts:\n        broker-a-[000:249]:\n    dc2:\n      hosts:\n        broker-b-[000:247]:\n");
        Files.writeString(dir.resolve("hosts.yml"), s);
        return dir.resolve("hosts.yml");
    }
}
