package io.rmqfleet.controller.module.testing;

import io.rmqfleet.controller.connection.Connection;
import io.rmqfleet.controller.connection.ExecResult;

import java.time.Duration;

/**
 * A tiny image built inside a Docker host from that host's own {@code sh}, {@code sleep} and their libraries, so
 * tests have a runnable image without any registry or image transfer. Its default command sleeps.
 */
public final class TinyImage {
    public static final String NAME = "rmqfleet-it/tiny:1";

    private TinyImage() {
    }

    /** Builds {@code tag} on the host behind {@code connection} unless it is there; returns its image id. */
    public static String ensure(Connection connection, String tag, String marker) {
        String script = String.join("\n",
                "set -e",
                "if ! docker image inspect " + tag + " >/dev/null 2>&1; then",
                "  files='/bin/sh /bin/sleep /bin/cat'",
                "  libs=$(ldd $files 2>/dev/null | grep -o '/[^ ]*' | sort -u)",
                "  tar -chf - $files $libs 2>/dev/null | docker import --change 'CMD [\"/bin/sleep\",\"3600\"]' "
                        + "--change 'LABEL rmqfleet.it=" + marker + "' - " + tag + " >/dev/null",
                "fi",
                "docker image inspect --format '{{.Id}}' " + tag);
        ExecResult r = connection.exec(script, Duration.ofMinutes(2));
        if (!r.ok()) {
            throw new IllegalStateException("cannot build " + tag + " on " + connection.hostName() + ": " + r.tail(5));
        }
        return r.stdout().trim();
    }

    public static String ensure(Connection connection) {
        return ensure(connection, NAME, "tiny");
    }
}
