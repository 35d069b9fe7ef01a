package io.rmqfleet.controller.console;

import io.rmqfleet.controller.input.InputException;
import io.rmqfleet.controller.input.SourceLocation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The console's users, read from a file in the official rocketmq-dashboard's users.properties format: one
 * {@code user=password[,N]} per line, N = 0 (normal user, the default) or 1 (admin); {@code #} and {@code !} start
 * comment lines. Stricter than the dashboard (which silently skips or crashes): every bad line is an
 * {@link InputException} at file:line:col, and the message never contains a password.
 */
public final class UsersFile {
    private final Map<String, ConsoleUser> users;

    private UsersFile(Map<String, ConsoleUser> users) {
        this.users = Collections.unmodifiableMap(users);
    }

    public static UsersFile read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(SourceLocation.of(file, 0, 0), "cannot read the users file: "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), e);
        }
        return parse(file, lines);
    }

    /** Parses the lines of {@code file}; {@code file} only names the places of errors. */
    public static UsersFile parse(Path file, List<String> lines) {
        Map<String, ConsoleUser> users = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            int lineNo = i + 1;
            String raw = lines.get(i);
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) {
                continue;
            }
            int column = raw.indexOf(line.charAt(0)) + 1;
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new InputException(SourceLocation.of(file, lineNo, column),
                    "expected user=password[,role], found no '='");
            }
            String name = line.substring(0, eq).strip();
            if (name.isEmpty()) {
                throw new InputException(SourceLocation.of(file, lineNo, column), "empty user name before '='");
            }
            String value = line.substring(eq + 1);
            int comma = value.indexOf(',');
            String password = (comma < 0 ? value : value.substring(0, comma)).strip();
            if (password.isEmpty()) {
                throw new InputException(SourceLocation.of(file, lineNo, column + eq + 1),
                    "user '" + name + "' has an empty password");
            }
            int role = ConsoleUser.NORMAL;
            if (comma >= 0) {
                String roleText = value.substring(comma + 1).strip();
                int roleColumn = column + eq + 1 + comma + 1;
                if (roleText.equals("0")) {
                    role = ConsoleUser.NORMAL;
                } else if (roleText.equals("1")) {
                    role = ConsoleUser.ADMIN;
                } else {
                    // The role text is after the password, so quoting it leaks nothing.
                    throw new InputException(SourceLocation.of(file, lineNo, roleColumn),
                        "user '" + name + "': role must be 0 (user) or 1 (admin), got '" + roleText + "'");
                }
            }
            if (users.containsKey(name)) {
                throw new InputException(SourceLocation.of(file, lineNo, column),
                    "user '" + name + "' is defined twice");
            }
            users.put(name, new ConsoleUser(name, password, role));
        }
        if (users.isEmpty()) {
            throw new InputException(SourceLocation.of(file, Math.max(1, lines.size()), 1),
                "no user defined (expected lines user=password[,role])");
        }
        return new UsersFile(users);
    }

    public Optional<ConsoleUser> user(String name) {
        return Optional.ofNullable(name == null ? null : users.get(name));
    }

    /** The user whose name and password match, if any. */
    public Optional<ConsoleUser> authenticate(String name, String password) {
        return user(name).filter(u -> u.accepts(password));
    }

    public int size() {
        return users.size();
    }
}
