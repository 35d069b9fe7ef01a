package io.rmqfleet.controller.module.bed;

import io.rmqfleet.controller.connection.Connection;
import io.rmqfleet.controller.connection.ExecResult;
import io.rmqfleet.controller.module.ModuleResult;
import io.rmqfleet.controller.module.command.CommandModule;
import io.rmqfleet.controller.module.command.ShellModule;
import io.rmqfleet.controller.module.docker.DockerInstallModule;
import io.rmqfleet.controller.module.facts.SetupModule;
import io.rmqfleet.controller.module.files.CopyModule;
import io.rmqfleet.controller.module.files.FileModule;
import io.rmqfleet.controller.module.files.StatModule;
import io.rmqfleet.controller.module.files.TemplateModule;
import io.rmqfleet.controller.module.net.WaitForModule;
import io.rmqfleet.controller.module.testing.DirFiles;
import io.rmqfleet.controller.module.testing.MapTemplates;
import io.rmqfleet.controller.module.testing.ModuleRunner;
import io.rmqfleet.testbed.SharedTestBed;
import io.rmqfleet.testbed.TestBed;
import io.rmqfleet.testbed.TestHost;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.rmqfleet.controller.module.testing.Convergence.assertConverges;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The file, command, wait and fact modules on a real test host over SSH: each applied twice (the first run
 * changes, the second does not), check mode first (changes nothing, predicts the change).
 */
class HostModulesIT {
    private static final String ROOT = "/srv/rmqfleet-modules-it";
    private static TestBed bed;
    private static TestHost host;
    private static Connection connection;
    private static Path controllerDir;
    private static ModuleRunner runner;

    @BeforeAll
    static void connect() throws IOException {
        bed = SharedTestBed.get(1);
        host = bed.host(1);
        connection = BedConnections.open(bed, host);
        controllerDir = Files.createTempDirectory("rmqfleet-modules-it");
        Files.createDirectories(controllerDir.resolve("files"));
        Files.createDirectories(controllerDir.resolve("templates"));
        runner = new ModuleRunner(connection,
                new MapTemplates(Map.of("broker_name", "broker-a", "broker_ip", host.address())),
                new DirFiles(controllerDir));
        remote("rm -rf " + ROOT + " && mkdir -p " + ROOT);
    }

    @AfterAll
    static void cleanUp() {
        if (connection != null) {
            remote("rm -rf " + ROOT);
            connection.close();
        }
    }

    private static String remote(String command) {
        ExecResult r = connection.exec(command, Duration.ofMinutes(1));
        return r.exitCode() + " " + r.stdout().strip() + (r.stderr().isBlank() ? "" : " ERR " + r.stderr().strip());
    }

    /** Type, mode, owner, size, mtime and content hash of everything under a path: any change shows. */
    private static String tree(String path) {
        return remote("find " + path + " -exec stat -c '%n %F %a %U:%G %s %Y' {} + 2>/dev/null | sort; "
                + "find " + path + " -type f -exec sha256sum {} + 2>/dev/null | sort");
    }

    @Test
    void copyContentAndSrc() throws IOException {
        String dir = ROOT + "/copy";
        remote("mkdir -p " + dir);
        ModuleResult first = assertConverges(runner, new CopyModule(),
                Map.of("content", "brokerClusterName=DefaultCluster\n", "dest", dir + "/broker.conf", "mode", "0640",
                        "owner", "nobody", "group", "nogroup"), () -> tree(dir));
        assertThat(first.diffs().get(0).unified()).contains("+brokerClusterName=DefaultCluster");
        assertThat(remote("stat -c '%a %U %G' " + dir + "/broker.conf")).isEqualTo("0 640 nobody nogroup");

        Files.write(controllerDir.resolve("files/payload.bin"), new byte[] {0, 1, 2, 3, (byte) 0xff});
        assertConverges(runner, new CopyModule(), Map.of("src", "payload.bin", "dest", dir + "/"), () -> tree(dir));
        assertThat(remote("od -An -tx1 " + dir + "/payload.bin")).isEqualTo("0 00 01 02 03 ff");
    }

    @Test
    void copyInCheckModeIntoADirectoryAnEarlierTaskWouldCreate() {
        String dest = ROOT + "/not-yet/broker.conf";
        ModuleResult predicted = runner.check(new CopyModule(), Map.of("content", "x\n", "dest", dest));
        assertThat(predicted.changed()).isTrue();
        assertThat(predicted.msg().orElseThrow()).contains("does not exist yet");
        assertThat(remote("test -e " + ROOT + "/not-yet")).startsWith("1");
        assertThat(runner.apply(new CopyModule(), Map.of("content", "x\n", "dest", dest)).msg().orElseThrow())
                .isEqualTo("destination directory " + ROOT + "/not-yet does not exist");
    }

    @Test
    void template() throws IOException {
        String dir = ROOT + "/template";
        remote("mkdir -p " + dir);
        Files.writeString(controllerDir.resolve("templates/broker.conf.j2"),
                "brokerName={{ broker_name }}\nbrokerIP1={{ broker_ip }}\n");
        assertConverges(runner, new TemplateModule(), Map.of("src", "broker.conf.j2", "dest", dir + "/broker.conf"),
                () -> tree(dir));
        assertThat(remote("cat " + dir + "/broker.conf"))
                .isEqualTo("0 brokerName=broker-a\nbrokerIP1=" + host.address());
    }

    @Test
    void fileStates() {
        String store = ROOT + "/store";
        assertConverges(runner, new FileModule(),
                Map.of("path", store + "/commitlog", "state", "directory", "mode", "0750"), () -> tree(ROOT + "/store"));
        remote("echo data > " + store + "/commitlog/0000");
        assertConverges(runner, new FileModule(),
                Map.of("path", store, "state", "directory", "owner", "3000", "group", "3000", "recurse", true),
                () -> tree(store));
        assertThat(remote("stat -c '%u:%g' " + store + "/commitlog/0000")).isEqualTo("0 3000:3000");
        assertConverges(runner, new FileModule(), Map.of("path", store + "/commitlog/0000", "mode", "0600"),
                () -> tree(store));
        assertConverges(runner, new FileModule(), Map.of("path", store, "state", "absent"), () -> tree(ROOT));
        assertThat(remote("test -e " + store)).startsWith("1");
    }

    @Test
    void stat() {
        remote("printf abc > " + ROOT + "/s.txt");
        ModuleResult r = runner.apply(new StatModule(), Map.of("path", ROOT + "/s.txt", "checksum_algorithm", "sha256"));
        assertThat(r.changed()).isFalse();
        assertThat(r.data().get("stat")).asInstanceOf(InstanceOfAssertFactories.map(String.class, Object.class))
                .containsEntry("exists", true).containsEntry("size", 3L)
                .containsEntry("checksum", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void commandAndShellWithCreates() {
        assertConverges(runner, new CommandModule(),
                Map.of("argv", List.of("touch", ROOT + "/cmd.flag"), "creates", ROOT + "/cmd.flag"),
                () -> tree(ROOT + "/cmd.flag"));
        assertConverges(runner, new ShellModule(),
                Map.of("cmd", "echo one > sh.out && echo two >> sh.out", "chdir", ROOT, "creates", "sh.*"),
                () -> tree(ROOT + "/sh.out"));
        assertThat(remote("cat " + ROOT + "/sh.out")).isEqualTo("0 one\ntwo");
        ModuleResult failing = runner.apply(new ShellModule(), Map.of("cmd", "echo boom >&2; exit 7"));
        assertThat(failing.data()).containsEntry("rc", 7).containsEntry("stderr", "boom").containsEntry("failed", true);
    }

    @Test
    void waitForAPortOnTheHostAndAFile() {
        int port = 19876;
        ModuleResult closed = runner.apply(new WaitForModule(), Map.of("port", port, "timeout", 1));
        assertThat(closed.msg().orElseThrow()).isEqualTo("Timeout when waiting for 127.0.0.1:" + port);
        String pid = remote("setsid nc -lk " + port + " </dev/null >/dev/null 2>&1 & echo $!").substring(2);
        try {
            ModuleResult open = runner.apply(new WaitForModule(), Map.of("port", port, "host", host.address(), "timeout", 10));
            assertThat(open.failed()).as("%s", open.data()).isFalse();
            assertThat(open.changed()).isFalse();
        } finally {
            remote("kill " + pid);
        }
        assertThat(runner.apply(new WaitForModule(), Map.of("port", port, "state", "stopped", "timeout", 10)).failed())
                .isFalse();
        remote("echo 'The Name Server boot success' > " + ROOT + "/ns.log");
        assertThat(runner.apply(new WaitForModule(), Map.of("path", ROOT + "/ns.log", "search_regex", "boot success",
                "timeout", 5)).failed()).isFalse();
    }

    @Test
    void setupGathersFactsInOneCommand() {
        ModuleResult r = runner.apply(new SetupModule(), Map.of());
        assertThat(r.failed()).as("%s", r.data()).isFalse();
        Map<String, Object> f = r.facts();
        assertThat(f).containsEntry("os_family", "Debian").containsEntry("distribution", "Debian")
                .containsEntry("hostname", host.name()).containsEntry("pkg_mgr", "apt")
                .containsEntry("ssh_ipv4", host.address());
        assertThat((String) f.get("docker_version")).isNotBlank();
        // the inner docker bridge comes first in `hostname -I`; the default address must be the bed address
        assertThat(((Map<?, ?>) f.get("default_ipv4")).get("address")).isEqualTo(host.address());
        assertThat(f.get("all_ipv4_addresses")).asInstanceOf(InstanceOfAssertFactories.LIST).contains(host.address());
        assertThat((Long) f.get("memtotal_mb")).isPositive();
        assertThat((Integer) f.get("processor_vcpus")).isPositive();
        assertThat((List<?>) f.get("mounts")).isNotEmpty();
    }

    @Test
    void dockerInstallIsANoOpWhereDockerAnswers() {
        ModuleResult check = runner.check(new DockerInstallModule(), Map.of());
        assertThat(check.changed()).isFalse();
        ModuleResult r = runner.apply(new DockerInstallModule(), Map.of());
        assertThat(r.failed()).as("%s", r.data()).isFalse();
        assertThat(r.changed()).isFalse();
        assertThat((String) r.data().get("docker_version")).isNotBlank();
    }
}
