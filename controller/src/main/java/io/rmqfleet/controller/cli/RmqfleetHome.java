package io.rmqfleet.controller.cli;

import java.nio.file.Path;

/** Where rmqfleet keeps local state: {@code $RMQFLEET_HOME} (bin/rmqfleet sets the repo root), else the cwd. */
public final class RmqfleetHome {
    private RmqfleetHome() {
    }

    public static Path dir() {
        String home = System.getenv("RMQFLEET_HOME");
        return Path.of(home == null || home.isBlank() ? "" : home).toAbsolutePath().normalize();
    }

    /** {@code <home>/.rmqfleet/<name>} */
    public static Path stateDir(String name) {
        return dir().resolve(".rmqfleet").resolve(name);
    }
}
