package io.rmqfleet.controller.module.facts;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FactsParserTest {

    @Test
    void debianTestHostWithoutDefaultRouteUsesTheSshAddress() throws IOException {
        Map<String, Object> f = FactsParser.parse(fixture("debian-testhost.txt"));
        assertThat(f).containsEntry("os_family", "Debian").containsEntry("distribution", "Debian")
                .containsEntry("distribution_version", "12").containsEntry("distribution_major_version", "12")
                .containsEntry("distribution_release", "bookworm").containsEntry("hostname", "host1")
                .containsEntry("fqdn", "host1").containsEntry("architecture", "x86_64")
                .containsEntry("processor_vcpus", 2).containsEntry("memtotal_mb", 24105L)
                .containsEntry("memfree_mb", 7933L).containsEntry("pkg_mgr", "apt").containsEntry("service_mgr", "tini")
                .containsEntry("docker_version", "20.10.24+dfsg1").containsEntry("ssh_ipv4", "10.213.100.11");
        assertThat(f.get("all_ipv4_addresses")).isEqualTo(List.of("10.250.0.1", "10.213.100.11"));
        assertThat(f.get("interfaces")).isEqualTo(List.of("lo", "docker0", "eth0"));
        assertThat(f.get("eth0")).isEqualTo(Map.of("device", "eth0", "ipv4", Map.of("address", "10.213.100.11",
                "prefix", "24", "netmask", "255.255.255.0", "network", "10.213.100.0", "broadcast", "10.213.100.255")));
        @SuppressWarnings("unchecked") Map<String, Object> def = (Map<String, Object>) f.get("default_ipv4");
        // not 10.250.0.1 (the inner docker bridge, listed first): the address the controller reached
        assertThat(def.get("address")).isEqualTo("10.213.100.11");
        assertThat(def.get("interface")).isEqualTo("eth0");
        assertThat(def.get("source")).isEqualTo("ssh");
        assertThat(def.get("gateway")).isNull();
    }

    @Test
    void mountsSkipPseudoFileSystemsAndKeepSpaces() throws IOException {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> mounts = (List<Map<String, Object>>) FactsParser.parse(fixture("debian-testhost.txt")).get("mounts");
        assertThat(mounts).extracting(m -> m.get("mount"))
                .containsExactly("/", "/dev", "/dev/shm", "/var/lib/docker", "/srv/my data");
        Map<String, Object> docker = mounts.get(3);
        assertThat(docker).containsEntry("fstype", "ext4").containsEntry("device", "/dev/vda")
                .containsEntry("size_total", 264212084L * 1024).containsEntry("size_available", 81584520L * 1024)
                .containsEntry("size_available_mb", 79672L);
        assertThat(mounts.get(4)).containsEntry("fstype", "ext4");
    }

    @Test
    void rockyWithDefaultRouteAndSecondaryAddress() throws IOException {
        Map<String, Object> f = FactsParser.parse(fixture("rocky-systemd.txt"));
        assertThat(f).containsEntry("os_family", "RedHat").containsEntry("distribution", "Rocky")
                .containsEntry("distribution_version", "9.3").containsEntry("distribution_major_version", "9")
                .containsEntry("hostname", "db1").containsEntry("nodename", "db1.example.internal")
                .containsEntry("architecture", "aarch64").containsEntry("pkg_mgr", "dnf")
                .containsEntry("service_mgr", "systemd").containsEntry("user_id", "deploy")
                .containsEntry("docker_version", null);
        @SuppressWarnings("unchecked") Map<String, Object> def = (Map<String, Object>) f.get("default_ipv4");
        assertThat(def).containsEntry("address", "10.213.7.20").containsEntry("interface", "ens3")
                .containsEntry("gateway", "10.213.4.1").containsEntry("netmask", "255.255.252.0")
                .containsEntry("network", "10.213.4.0").containsEntry("source", "route");
        Map<?, ?> ens3 = (Map<?, ?>) f.get("ens3");
        assertThat((List<?>) ens3.get("ipv4_secondaries")).hasSize(1);
        assertThat(f.get("br_ab12")).isNotNull();
        assertThat(f.get("all_ipv4_addresses")).isEqualTo(List.of("10.213.7.20", "10.213.7.21", "172.18.0.1"));
        Map<?, ?> memory = (Map<?, ?>) f.get("memory_mb");
        assertThat(memory.get("swap")).isEqualTo(Map.of("total", 2047L, "free", 2047L));
    }

    @Test
    void minimalBusyboxHostGivesWhatItCan() throws IOException {
        Map<String, Object> f = FactsParser.parse(fixture("alpine-busybox.txt"));
        assertThat(f).containsEntry("os_family", "Alpine").containsEntry("distribution", "Alpine")
                .containsEntry("distribution_major_version", "3").containsEntry("pkg_mgr", "apk")
                .containsEntry("docker_version", null).containsEntry("docker_client_version", "25.0.5")
                .containsEntry("default_ipv4", Map.of()).containsEntry("all_ipv4_addresses", List.of())
                .containsEntry("mounts", List.of());
    }

    @Test
    void emptyOutputDoesNotBreakTheParser() {
        Map<String, Object> f = FactsParser.parse("");
        assertThat(f).containsEntry("os_family", "unknown").containsEntry("processor_vcpus", null)
                .containsEntry("memtotal_mb", null);
    }

    @Test
    void familiesFromIdLike() {
        assertThat(FactsParser.family("pop", List.of("ubuntu", "debian"))).isEqualTo("Debian");
        assertThat(FactsParser.family("myrhel", List.of("rhel", "fedora"))).isEqualTo("RedHat");
        assertThat(FactsParser.family("opensuse-leap", List.of("suse"))).isEqualTo("Suse");
        assertThat(FactsParser.family("gentoo", List.of(""))).isEqualTo("Gentoo");
    }

    @Test
    void ipv4Arithmetic() {
        assertThat(Ipv4.netmask(24)).isEqualTo("255.255.255.0");
        assertThat(Ipv4.netmask(0)).isEqualTo("0.0.0.0");
        assertThat(Ipv4.netmask(32)).isEqualTo("255.255.255.255");
        assertThat(Ipv4.network("10.213.7.20", 22)).isEqualTo("10.213.4.0");
        assertThat(Ipv4.network("192.0.2.130", 25)).isEqualTo("192.0.2.128");
    }

    @Test
    void filterKeepsMatchingFacts() throws IOException {
        Map<String, Object> f = FactsParser.parse(fixture("debian-testhost.txt"));
        assertThat(SetupModule.filter(f, List.of("ansible_distribution*", "memtotal_mb")).keySet())
                .containsExactly("distribution", "distribution_version", "distribution_major_version",
                        "distribution_release", "memtotal_mb");
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = FactsParserTest.class.getResourceAsStream("/facts/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
