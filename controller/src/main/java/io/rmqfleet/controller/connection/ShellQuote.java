package io.rmqfleet.controller.connection;

/** POSIX shell quoting: one argument, taken literally by {@code sh}. */
public final class ShellQuote {
    private ShellQuote() {
    }

    /** {@code it's} becomes {@code 'it'\''s'}; an empty string becomes {@code ''}. */
    public static String quote(String argument) {
        if (!argument.isEmpty() && argument.chars().allMatch(ShellQuote::isSafe)) {
            return argument;
        }
        return "'" + argument.replace("'", "'\\''") + "'";
    }

    private static boolean isSafe(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
            || "@%+=:,./-_".indexOf(c) >= 0;
    }
}
