package io.rmqfleet.controller.module.facts;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns the output of {@link FactsScript} into Ansible-shaped facts (the keys of {@code ansible_facts}, without the
 * {@code ansible_} prefix): os_family, distribution*, architecture, processor_*, memtotal_mb/memfree_mb/memory_mb,
 * interfaces with their IPv4 addresses, all_ipv4_addresses, default_ipv4, mounts, pkg_mgr, service_mgr,
 * docker_version. Pure; tolerant of missing sections.
 */
public final class FactsParser {
    private static final Set<String> DEBIAN = Set.of("debian", "ubuntu", "linuxmint", "raspbian", "pop", "kali", "devuan");
    private static final Set<String> REDHAT = Set.of("rhel", "centos", "fedora", "rocky", "almalinux", "ol", "amzn",
            "scientific", "cloudlinux", "eurolinux", "virtuozzo", "oracle", "redhat");
    private static final Set<String> SUSE = Set.of("sles", "sled", "opensuse", "opensuse-leap", "opensuse-tumbleweed", "suse");
    private static final Set<String> PSEUDO_FS = Set.of("proc", "sysfs", "devtmpfs", "devpts", "cgroup", "cgroup2",
            "mqueue", "securityfs", "debugfs", "tracefs", "pstore", "bpf", "configfs", "fusectl", "hugetlbfs", "autofs",
            "binfmt_misc", "nsfs", "rpc_pipefs", "selinuxfs", "efivarfs");

    private FactsParser() {
    }

    public static Map<String, Object> parse(String output) {
        Sections s = Sections.of(output);
        Map<String, Object> facts = new LinkedHashMap<>();
        String hostname = s.first("hostname");
        facts.put("hostname", hostname.contains(".") ? hostname.substring(0, hostname.indexOf('.')) : hostname);
        facts.put("nodename", hostname);
        String fqdn = s.first("fqdn");
        facts.put("fqdn", fqdn.isEmpty() ? hostname : fqdn);
        facts.put("kernel", s.first("kernel"));
        facts.put("system", s.first("system"));
        facts.put("architecture", s.first("arch"));
        facts.put("machine", s.first("arch"));
        facts.put("user_id", s.first("user"));
        os(s, facts);
        cpu(s, facts);
        memory(s, facts);
        network(s, facts);
        facts.put("mounts", mounts(s));
        facts.put("pkg_mgr", pkgMgr(s));
        facts.put("service_mgr", serviceMgr(s));
        String dockerServer = s.first("docker_server");
        String dockerClient = s.first("docker_client");
        facts.put("docker_version", dockerServer.isEmpty() ? null : dockerServer);
        facts.put("docker_client_version", dockerClient.isEmpty() ? null : dockerClient);
        String epoch = s.first("epoch");
        if (!epoch.isEmpty()) {
            facts.put("date_time", Map.of("epoch", epoch));
        }
        return facts;
    }

    private static void os(Sections s, Map<String, Object> facts) {
        Map<String, String> release = new LinkedHashMap<>();
        for (String line : s.all("os")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                release.put(line.substring(0, eq).trim(), unquote(line.substring(eq + 1).trim()));
            }
        }
        String id = release.getOrDefault("ID", "").toLowerCase(Locale.ROOT);
        List<String> like = List.of(release.getOrDefault("ID_LIKE", "").toLowerCase(Locale.ROOT).split("\\s+"));
        String version = release.getOrDefault("VERSION_ID", "");
        facts.put("distribution", distributionName(id, release.getOrDefault("NAME", "")));
        facts.put("distribution_version", version);
        facts.put("distribution_major_version", version.isEmpty() ? "" : version.split("\\.")[0]);
        facts.put("distribution_release", release.getOrDefault("VERSION_CODENAME", ""));
        facts.put("os_family", family(id, like));
    }

    public static String family(String id, List<String> like) {
        if (DEBIAN.contains(id) || like.contains("debian") || like.contains("ubuntu")) {
            return "Debian";
        }
        if (REDHAT.contains(id) || like.contains("rhel") || like.contains("fedora") || like.contains("centos")) {
            return "RedHat";
        }
        if (SUSE.contains(id) || like.contains("suse")) {
            return "Suse";
        }
        if (id.equals("alpine")) {
            return "Alpine";
        }
        if (id.equals("arch") || like.contains("arch")) {
            return "Archlinux";
        }
        return id.isEmpty() ? "unknown" : id.substring(0, 1).toUpperCase(Locale.ROOT) + id.substring(1);
    }

    private static String distributionName(String id, String name) {
        return switch (id) {
            case "debian" -> "Debian";
            case "ubuntu" -> "Ubuntu";
            case "rhel" -> "RedHat";
            case "centos" -> "CentOS";
            case "fedora" -> "Fedora";
            case "rocky" -> "Rocky";
            case "almalinux" -> "AlmaLinux";
            case "ol" -> "OracleLinux";
            case "amzn" -> "Amazon";
            case "alpine" -> "Alpine";
            case "" -> name.isEmpty() ? "unknown" : name;
            default -> id.substring(0, 1).toUpperCase(Locale.ROOT) + id.substring(1);
        };
    }

    private static void cpu(Sections s, Map<String, Object> facts) {
        Integer n = toInt(s.first("nproc"));
        facts.put("processor_vcpus", n);
        facts.put("processor_nproc", n);
    }

    private static void memory(Sections s, Map<String, Object> facts) {
        Map<String, Long> kb = new LinkedHashMap<>();
        for (String line : s.all("mem")) {
            String[] f = line.split("[:\\s]+");
            if (f.length >= 2) {
                try {
                    kb.put(f[0], Long.parseLong(f[1]));
                } catch (NumberFormatException ignored) {
                    // not a number: leave the fact out
                }
            }
        }
        Long total = mb(kb.get("MemTotal"));
        Long free = mb(kb.get("MemFree"));
        facts.put("memtotal_mb", total);
        facts.put("memfree_mb", free);
        Map<String, Object> memory = new LinkedHashMap<>();
        memory.put("real", mapOf("total", total, "free", free));
        memory.put("nocache", mapOf("free", mb(kb.get("MemAvailable"))));
        memory.put("swap", mapOf("total", mb(kb.get("SwapTotal")), "free", mb(kb.get("SwapFree"))));
        facts.put("memory_mb", memory);
    }

    private static void network(Sections s, Map<String, Object> facts) {
        Map<String, Map<String, Object>> interfaces = new LinkedHashMap<>();
        List<String> all = new ArrayList<>();
        for (String line : s.all("addr")) {
            // "2: eth0    inet 10.213.0.11/24 brd 10.213.0.255 scope global eth0\       valid_lft forever ..."
            String[] f = line.trim().split("\\s+");
            int inet = indexOf(f, "inet");
            if (f.length < 4 || inet < 0 || inet + 1 >= f.length) {
                continue;
            }
            String device = f[1].endsWith(":") ? f[1].substring(0, f[1].length() - 1) : f[1];
            String[] cidr = f[inet + 1].split("/");
            int prefix = cidr.length > 1 ? Integer.parseInt(cidr[1]) : 32;
            Map<String, Object> ipv4 = new LinkedHashMap<>();
            ipv4.put("address", cidr[0]);
            ipv4.put("prefix", Integer.toString(prefix));
            ipv4.put("netmask", Ipv4.netmask(prefix));
            ipv4.put("network", Ipv4.network(cidr[0], prefix));
            int brd = indexOf(f, "brd");
            if (brd > 0 && brd + 1 < f.length) {
                ipv4.put("broadcast", f[brd + 1]);
            }
            Map<String, Object> iface = interfaces.computeIfAbsent(device, d -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("device", d);
                return m;
            });
            if (iface.containsKey("ipv4")) {
                @SuppressWarnings("unchecked")
                List<Object> secondaries = (List<Object>) iface.computeIfAbsent("ipv4_secondaries", k -> new ArrayList<>());
                secondaries.add(ipv4);
            } else {
                iface.put("ipv4", ipv4);
            }
            if (!cidr[0].startsWith("127.")) {
                all.add(cidr[0]);
            }
        }
        facts.put("interfaces", new ArrayList<>(interfaces.keySet()));
        interfaces.forEach((name, iface) -> facts.put(name.replace('-', '_').replace('.', '_'), iface));
        facts.put("all_ipv4_addresses", all);
        facts.put("default_ipv4", defaultIpv4(s, interfaces));
        String[] ssh = s.first("ssh").split("\\s+");
        facts.put("ssh_ipv4", ssh.length >= 3 ? ssh[2] : null);
    }

    /**
     * The address of the interface with the default route (from {@code ip -4 route get <gateway>}). Hosts on an
     * isolated network have no default route: then the address the controller's SSH connection arrived on, which
     * is the address other machines reach the host at.
     */
    private static Map<String, Object> defaultIpv4(Sections s, Map<String, Map<String, Object>> interfaces) {
        String device = null;
        String address = null;
        String source;
        String gateway = s.first("gateway");
        String route = s.first("routeget");
        if (!route.isEmpty()) {
            String[] f = route.trim().split("\\s+");
            int dev = indexOf(f, "dev");
            int src = indexOf(f, "src");
            device = dev >= 0 && dev + 1 < f.length ? f[dev + 1] : null;
            address = src >= 0 && src + 1 < f.length ? f[src + 1] : null;
            source = "route";
        } else {
            String[] ssh = s.first("ssh").split("\\s+");
            address = ssh.length >= 3 ? ssh[2] : null;
            source = "ssh";
            for (Map.Entry<String, Map<String, Object>> e : interfaces.entrySet()) {
                Object ipv4 = e.getValue().get("ipv4");
                if (ipv4 instanceof Map<?, ?> m && address != null && address.equals(m.get("address"))) {
                    device = e.getKey();
                }
            }
        }
        if (address == null) {
            return Map.of();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("address", address);
        out.put("interface", device);
        out.put("gateway", gateway.isEmpty() ? null : gateway);
        Map<String, Object> iface = device == null ? null : interfaces.get(device);
        if (iface != null && iface.get("ipv4") instanceof Map<?, ?> ipv4) {
            out.put("netmask", ipv4.get("netmask"));
            out.put("network", ipv4.get("network"));
            out.put("prefix", ipv4.get("prefix"));
        }
        out.put("source", source);
        return out;
    }

    private static List<Map<String, Object>> mounts(Sections s) {
        Map<String, String> fsTypes = new LinkedHashMap<>();
        for (String line : s.all("mount")) {
            String[] f = line.split("\\s+");
            if (f.length >= 3) {
                fsTypes.put(unescapeMount(f[1]), f[2]);
            }
        }
        List<Map<String, Object>> mounts = new ArrayList<>();
        for (String line : s.all("df")) {
            // POSIX df: Filesystem 1024-blocks Used Available Capacity Mounted-on (the mount point may hold spaces)
            String[] f = line.trim().split("\\s+", 6);
            if (f.length < 6) {
                continue;
            }
            String fstype = fsTypes.getOrDefault(f[5], "");
            Long blocks = toLong(f[1]);
            Long available = toLong(f[3]);
            if (PSEUDO_FS.contains(fstype) || blocks == null || blocks == 0 || available == null) {
                continue;
            }
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("mount", f[5]);
            m.put("device", f[0]);
            m.put("fstype", fstype);
            m.put("size_total", blocks * 1024);
            m.put("size_available", available * 1024);
            m.put("size_available_mb", available / 1024);
            mounts.add(m);
        }
        return mounts;
    }

    private static String pkgMgr(Sections s) {
        List<String> found = s.all("pkg");
        for (String preferred : List.of("apt-get", "dnf", "yum", "zypper", "apk")) {
            if (found.contains(preferred)) {
                return preferred.equals("apt-get") ? "apt" : preferred;
            }
        }
        return "unknown";
    }

    private static String serviceMgr(Sections s) {
        String pid1 = s.first("pid1");
        if (pid1.equals("systemd")) {
            return "systemd";
        }
        return pid1.isEmpty() ? "unknown" : pid1;
    }

    private static String unescapeMount(String path) {
        return path.replace("\\040", " ").replace("\\011", "\t").replace("\\134", "\\");
    }

    private static String unquote(String v) {
        if (v.length() >= 2 && (v.startsWith("\"") && v.endsWith("\"") || v.startsWith("'") && v.endsWith("'"))) {
            return v.substring(1, v.length() - 1);
        }
        return v;
    }

    private static int indexOf(String[] fields, String word) {
        for (int i = 0; i < fields.length; i++) {
            if (fields[i].equals(word)) {
                return i;
            }
        }
        return -1;
    }

    private static Long mb(Long kb) {
        return kb == null ? null : kb / 1024;
    }

    private static Integer toInt(String text) {
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long toLong(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Map<String, Object> mapOf(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    /** The script's lines grouped by section (the text before the first colon). */
    private record Sections(Map<String, List<String>> lines) {
        static Sections of(String output) {
            Map<String, List<String>> lines = new LinkedHashMap<>();
            for (String line : output.split("\n")) {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    lines.computeIfAbsent(line.substring(0, colon), k -> new ArrayList<>()).add(line.substring(colon + 1));
                }
            }
            return new Sections(lines);
        }

        String first(String section) {
            List<String> l = lines.get(section);
            return l == null || l.isEmpty() ? "" : l.get(0).trim();
        }

        List<String> all(String section) {
            return lines.getOrDefault(section, List.of());
        }
    }
}
