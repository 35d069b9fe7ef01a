package io.rmqfleet.controller.console;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * One login of the console, as a line {@code name=password[,role]} of the official dashboard's users.properties
 * (role 0 = normal user, 1 = admin). The password never leaves this record: {@link #toString()} masks it.
 */
public record ConsoleUser(String name, String password, int role) {

    public static final int NORMAL = 0;
    public static final int ADMIN = 1;

    /** Compares in constant time, so the answer's timing tells nothing about the password. */
    public boolean accepts(String candidate) {
        if (candidate == null) {
            return false;
        }
        return MessageDigest.isEqual(password.getBytes(StandardCharsets.UTF_8),
            candidate.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "ConsoleUser[name=" + name + ", password=***, role=" + role + "]";
    }
}
