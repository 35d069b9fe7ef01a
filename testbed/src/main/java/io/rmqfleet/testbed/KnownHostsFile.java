package io.rmqfleet.testbed;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Writes the bed's own known_hosts: one line per host with the host key read from the container. */
final class KnownHostsFile {
    private KnownHostsFile() {
    }

    static String render(List<TestHost> hosts) {
        return hosts.stream()
            .map(h -> h.hostKey().knownHostsLine(h.address(), h.sshPort()))
            .collect(Collectors.joining("\n", "", "\n"));
    }

    static void write(Path file, List<TestHost> hosts) throws IOException {
        Files.writeString(file, render(hosts), StandardCharsets.US_ASCII);
    }
}
