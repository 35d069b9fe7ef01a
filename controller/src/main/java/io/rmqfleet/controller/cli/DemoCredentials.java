package io.rmqfleet.controller.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The demo dashboard's login: {@code group_vars/dashboard.yml} beside the demo inventory, mode 0600, with a random
 * password. An existing file is kept, so running the demo again does not change the password (nor restart the
 * dashboard). The password is never printed; people read it from the file.
 */
final class DemoCredentials {
    static final String USERNAME = "admin";
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final Pattern USER_LINE = Pattern.compile("(?m)^dashboard_username: (\\S+)$");

    private DemoCredentials() {
    }

    /** @return the file, created if missing */
    static Path ensure(Path demoDir, SecureRandom random) throws IOException {
        Path dir = demoDir.resolve("group_vars");
        Files.createDirectories(dir);
        Path file = dir.resolve("dashboard.yml");
        if (Files.exists(file)) {
            return file;
        }
        String text = "# Written by 'rmqfleet demo': the dashboard login (readable only by you).\n"
            + "dashboard_username: " + USERNAME + "\n"
            + "dashboard_password: " + password(random, 20) + "\n";
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, text, StandardOpenOption.TRUNCATE_EXISTING);
        return file;
    }

    /** The username recorded in the file (the password is not read here). */
    static Optional<String> username(Path file) throws IOException {
        Matcher m = USER_LINE.matcher(Files.readString(file));
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    static String password(SecureRandom random, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
