package io.rmqfleet.controller.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import io.rmqfleet.testbed.Subnet;
import java.time.Duration;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rmqfleet demo}: the embedded default. Starts local test hosts, writes the demo inventory (with its key
 * and known_hosts) under {@code .rmqfleet/demo/}, deploys the cluster with the real playbook through
 * {@code apply}, proves it with {@code verify}, starts {@code serve} in the background ({@link DemoServe}) and
 * deploys the agents with the playbook's agent play, and prints where everything is. The dashboard's login (a random
 * password) goes to {@code .rmqfleet/demo/group_vars/dashboard.yml}, mode 0600; only its path is printed. It drives the other
 * sub-commands through the command line itself, so the demo exercises exactly what an operator runs.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
    description = "Start local test hosts, deploy a RocketMQ cluster (2 NameServers, brokers a and b with slaves) "
        + "onto them with the real playbook, verify it, and start serve with an agent on every host.")
public final class DemoCommand implements Callable<Integer> {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .disable(SerializationFeature.WRITE_NULL_MAP_VALUES);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--hosts", paramLabel = "N", defaultValue = "3", description = "Test hosts (default: 3).")
    int hosts;

    @Option(names = "--down", description = "Remove the demo: its hosts, containers, networks and files.")
    boolean down;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path demoDir = RmqfleetHome.stateDir("demo");
        DemoServe serve = new DemoServe(demoDir);
        if (down) {
            if (serve.stop()) {
                out.println("demo serve stopped");
            }
            int code = run("testbed", "down");
            deleteTree(demoDir);
            out.println("demo removed (" + demoDir + " deleted)");
            return code;
        }

        // a serve left from an earlier demo would hold the old bed's address: stop it first
        serve.stop();
        step(out, "1/4 test hosts");
        int code = run("testbed", "up", "--hosts", Integer.toString(hosts));
        if (code != ExitCodes.OK) {
            return code;
        }
        TestbedState bed = TestbedCommand.store().read()
                .orElseThrow(() -> new UserFacingException("the test bed did not record its state", ExitCodes.ERROR));
        Path inventory = writeInventory(bed, demoDir);
        Path credentials = DemoCredentials.ensure(demoDir, new SecureRandom());
        out.println("demo inventory: " + inventory);

        step(out, "2/4 deploy playbooks/rocketmq-cluster.yml");
        Path playbook = RmqfleetHome.dir().resolve("playbooks/rocketmq-cluster.yml");
        Path deployRun = demoDir.resolve("deploy-run.jsonl");
        code = run("apply", "-i", inventory.toString(), playbook.toString(), "--json", deployRun.toString());
        if (code != ExitCodes.OK) {
            out.println("deploy failed (exit " + code + "); the hosts stay up for a look: rmqfleet demo --down removes them");
            return code;
        }

        step(out, "3/4 verify");
        code = run("verify", "-i", inventory.toString());
        if (code != ExitCodes.OK) {
            out.println("verify failed (exit " + code + "); the hosts stay up for a look: rmqfleet demo --down removes them");
            return code;
        }

        step(out, "4/4 serve and agents");
        String url = startServeAndAgents(out, serve, bed, inventory, playbook, deployRun);
        if (url == null) {
            return ExitCodes.ERROR;
        }
        out.println();
        out.println("fleet dashboard (serve): " + url + "/  (log in with the admin token in " + serve.adminTokenFile() + ")");
        out.println("serve:       pid in " + demoDir.resolve(DemoServe.PID_FILE) + ", log " + demoDir.resolve(DemoServe.LOG_FILE));
        out.println("NameServers: " + bed.hosts().get(0).address() + ":9876;" + bed.hosts().get(1).address() + ":9876");
        out.println("dashboard:   " + dashboardUrl(bed) + " (user " + DemoCredentials.username(credentials)
                .orElse(DemoCredentials.USERNAME) + ", password in " + credentials + ")");
        out.println("inventory:   " + inventory);
        out.println("try:         bin/rmqfleet verify -i " + inventory);
        out.println("remove with: bin/rmqfleet demo --down");
        return code;
    }

    /**
     * Starts serve on the bed network's gateway (the one address of this machine the agents inside the hosts
     * reach), records the deploy run in it, generates one token per machine and deploys the agents with the
     * playbook's agent play; returns serve's URL once every machine reports, or null.
     */
    private String startServeAndAgents(PrintWriter out, DemoServe serve, TestbedState bed, Path inventory,
            Path playbook, Path deployRun) throws IOException {
        String address = Subnet.parse(bed.subnet()).gateway();
        int port = DemoServe.freePort(address);
        String url = DemoServe.url(address, port);
        List<String> machines = bed.hosts().stream().map(TestbedState.Host::name).toList();
        AgentTokens.write(serve.agentTokensFile(), machines);
        Path config = serve.writeConfig(address, port, inventory, playbook);
        long pid = serve.start(config, url);
        out.println("serve: " + url + " (pid " + pid + ")");
        serve.recordRun(url, deployRun);

        Path agentsRun = inventory.resolveSibling("agents-run.jsonl");
        int code = run("apply", "-i", inventory.toString(), playbook.toString(), "--tags", "agent",
                "-e", "@" + serve.agentTokensFile(), "-e", "rmqfleet_controller_url=" + url,
                "--json", agentsRun.toString());
        if (code != ExitCodes.OK) {
            out.println("agent deploy failed (exit " + code + "); rmqfleet demo --down removes everything");
            return null;
        }
        serve.recordRun(url, agentsRun);
        if (!serve.awaitAgents(url, machines, Duration.ofMinutes(2))) {
            out.println("not every agent reported within 2 minutes; see " + inventory.resolveSibling(DemoServe.LOG_FILE));
            return null;
        }
        out.println("agents: " + machines.size() + " of " + machines.size() + " hosts report");
        return url;
    }

    /** Where DemoLayout puts the dashboard: the third host, or the last one. */
    private static String dashboardUrl(TestbedState bed) {
        List<TestbedState.Host> hosts = bed.hosts();
        return "http://" + hosts.get(Math.min(2, hosts.size() - 1)).address() + ":8080/";
    }

    /** Runs another sub-command in this process, with this command's output streams. */
    private int run(String... args) {
        CommandLine cli = Main.commandLine();
        cli.setOut(spec.commandLine().getOut());
        cli.setErr(spec.commandLine().getErr());
        return cli.execute(args);
    }

    private static void step(PrintWriter out, String what) {
        out.println();
        out.println("== demo " + what);
        out.flush();
    }

    /** Copies key and known_hosts next to the inventory, so the demo directory is self-contained. */
    static Path writeInventory(TestbedState bed, Path demoDir) throws IOException {
        Files.createDirectories(demoDir);
        Path key = demoDir.resolve("id_ed25519");
        Path knownHosts = demoDir.resolve("known_hosts");
        Files.copy(Path.of(bed.privateKey()), key, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        Files.copy(Path.of(bed.knownHosts()), knownHosts, StandardCopyOption.REPLACE_EXISTING);

        Map<String, Map<String, Object>> connections = new LinkedHashMap<>();
        for (TestbedState.Host host : bed.hosts()) {
            Map<String, Object> vars = new LinkedHashMap<>();
            vars.put("ansible_host", host.address());
            vars.put("ansible_port", host.sshPort());
            vars.put("ansible_user", "root");
            vars.put("ansible_ssh_private_key_file", key.toString());
            vars.put("ansible_ssh_common_args",
                    "-o UserKnownHostsFile=" + knownHosts + " -o StrictHostKeyChecking=yes");
            vars.put("ansible_python_interpreter", "/usr/bin/python3");
            connections.put(host.name(), vars);
        }
        Path inventory = demoDir.resolve("inventory.yml");
        String header = "# Written by 'rmqfleet demo' for the test bed '" + bed.bed() + "' ("
                + bed.subnet() + "); works with rmqfleet and ansible alike.\n";
        Files.writeString(inventory, header + YAML.writeValueAsString(DemoLayout.inventory(connections)));
        return inventory;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
