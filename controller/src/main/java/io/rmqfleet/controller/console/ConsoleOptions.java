package io.rmqfleet.controller.console;

import java.nio.file.Path;
import java.time.Duration;

/**
 * How the console runs, read once from the command line.
 *
 * @param namesrvAddr every NameServer, {@code ;}-separated
 * @param host        address to listen on
 * @param port        port to listen on (0: any free one)
 * @param usersFile   users.properties of the logins; null: no login
 * @param callTimeout bound of each admin call
 */
public record ConsoleOptions(String namesrvAddr, String host, int port, Path usersFile, Duration callTimeout) {
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(5);
}
