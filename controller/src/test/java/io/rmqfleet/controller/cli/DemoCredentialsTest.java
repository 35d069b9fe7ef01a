package io.rmqfleet.controller.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmqfleet.controller.inventory.Inventory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoCredentialsTest {

    @TempDir
    Path dir;

    @Test
    void writesARandomPasswordReadableOnlyByTheOwnerAndKeepsItOnTheNextRun() throws IOException {
        Path file = DemoCredentials.ensure(dir, new SecureRandom());

        assertThat(file).isEqualTo(dir.resolve("group_vars/dashboard.yml"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String text = Files.readString(file);
        assertThat(text).containsPattern("(?m)^dashboard_username: admin$")
            .containsPattern("(?m)^dashboard_password: [A-Za-z0-9]{20}$");
        assertThat(DemoCredentials.username(file)).contains("admin");

        assertThat(DemoCredentials.ensure(dir, new SecureRandom())).isEqualTo(file);
        assertThat(Files.readString(file)).as("a second demo run keeps the password").isEqualTo(text);
    }

    @Test
    void passwordsDiffer() {
        SecureRandom random = new SecureRandom();
        assertThat(DemoCredentials.password(random, 20)).hasSize(20).isNotEqualTo(DemoCredentials.password(random, 20));
    }

    @Test
    void theDemoInventoryGivesTheCredentialsToTheDashboardHostOnly() throws IOException {
        Path key = Files.writeString(dir.resolve("key"), "not a key");
        Path knownHosts = Files.writeString(dir.resolve("kh"), "");
        List<TestbedState.Host> hosts = List.of(
            new TestbedState.Host("host1", "10.213.0.11", 22, "c1", "fp1"),
            new TestbedState.Host("host2", "10.213.0.12", 22, "c2", "fp2"),
            new TestbedState.Host("host3", "10.213.0.13", 22, "c3", "fp3"));
        TestbedState bed = new TestbedState("bed", "10.213.0.0/24", "net", "now", 1, hosts, key.toString(),
            knownHosts.toString(), null, null);
        Path demoDir = dir.resolve("demo");
        Path inventory = DemoCommand.writeInventory(bed, demoDir);
        Path credentials = DemoCredentials.ensure(demoDir, new SecureRandom());
        String password = Files.readString(credentials).lines().filter(l -> l.startsWith("dashboard_password: "))
            .findFirst().orElseThrow().substring("dashboard_password: ".length());

        Inventory loaded = Inventory.load(List.of(inventory));
        Map<String, Object> dashboard = loaded.host("host3").orElseThrow().mergedVars();
        assertThat(dashboard).containsEntry("dashboard_username", "admin").containsEntry("dashboard_password", password);
        assertThat(loaded.host("host1").orElseThrow().mergedVars()).doesNotContainKey("dashboard_password");
        assertThat(Files.readString(inventory)).doesNotContain(password);
    }
}
