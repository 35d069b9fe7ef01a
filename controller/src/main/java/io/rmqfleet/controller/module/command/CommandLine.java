package io.rmqfleet.controller.module.command;

import io.rmqfleet.controller.module.support.ShellQuote;

/**
 * Builds the shell text for command/shell tasks and for their {@code creates}/{@code removes} tests. Pure.
 */
final class CommandLine {

    private CommandLine() {
    }

    /** {@code body} run in {@code chdir} when given; the cd failing stops it. */
    static String inDirectory(String chdir, String body) {
        if (chdir == null) {
            return body;
        }
        // a newline, not "&&": a shell body may hold several commands, all of which must run in chdir
        return "cd -- " + ShellQuote.quote(chdir) + " || exit 1\n" + body;
    }

    /** Exits 0 when something matches the glob {@code pattern} (relative to {@code chdir} when given), else 1. */
    static String anyMatch(String chdir, String pattern) {
        String test = "for f in " + ShellQuote.glob(pattern) + "; do if [ -e \"$f\" ] || [ -L \"$f\" ]; then exit 0; fi; done; exit 1";
        return inDirectory(chdir, test);
    }

    /** A shell body run by another interpreter: {@code executable -c 'body'}. */
    static String withExecutable(String executable, String body) {
        if (executable == null) {
            return body;
        }
        return ShellQuote.quote(executable) + " -c " + ShellQuote.quote(body);
    }

    /** Drops trailing newlines (and carriage returns), as Ansible's strip_empty_ends does. */
    static String stripEnds(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(0, end);
    }
}
