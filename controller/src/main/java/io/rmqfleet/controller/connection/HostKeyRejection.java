package io.rmqfleet.controller.connection;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/** Why a host key was refused, worded for the operator who has to decide whether to trust it. */
record HostKeyRejection(Kind kind, String keyType, String fingerprint, List<Path> knownHostsFiles) {

    enum Kind { UNKNOWN, CHANGED }

    String describe(String host) {
        String files = knownHostsFiles.stream().map(Path::toString).collect(Collectors.joining(", "));
        if (kind == Kind.CHANGED) {
            return "host key verification failed for " + host + ": the " + keyType + " host key CHANGED, it is now "
                + fingerprint + " but " + files + " lists a different one (host reinstalled, or someone in between)";
        }
        return "host key verification failed for " + host + ": unknown " + keyType + " host key " + fingerprint
            + ", not in " + (files.isEmpty() ? "any known_hosts file" : files)
            + " (check the fingerprint, then add the key to known_hosts)";
    }
}
