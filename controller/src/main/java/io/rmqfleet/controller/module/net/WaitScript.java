package io.rmqfleet.controller.module.net;

import io.rmqfleet.controller.module.support.ShellQuote;

/**
 * The shell loop wait_for runs on the host: optional delay, then probe every {@code sleep} seconds until the probe
 * reaches the wanted outcome or the deadline (measured by the host's clock) passes. Prints {@code elapsed=N};
 * exits 0 when the condition was met, 3 on timeout, 4 when the host lacks a tool to probe with. Pure.
 */
final class WaitScript {
    static final int TIMED_OUT = 3;
    static final int NO_TOOL = 4;

    private WaitScript() {
    }

    /** What to probe and which outcome ends the wait. */
    record Condition(String probeDefinition, boolean wantSuccess) {
    }

    /** TCP connect to host:port: nc, else bash's /dev/tcp, else python3. */
    static Condition port(String host, int port, int connectTimeout, boolean wantOpen) {
        String h = ShellQuote.quote(host);
        String definition = "if command -v nc >/dev/null 2>&1; then probe() { nc -z -w " + connectTimeout + " " + h + " "
                + port + " </dev/null >/dev/null 2>&1; }; "
                + "elif command -v bash >/dev/null 2>&1; then probe() { timeout " + connectTimeout
                + " bash -c 'exec 3<>\"/dev/tcp/$0/$1\"' " + h + " " + port + " >/dev/null 2>&1; }; "
                + "elif command -v python3 >/dev/null 2>&1; then probe() { python3 -c 'import socket,sys; "
                + "socket.create_connection((sys.argv[1], int(sys.argv[2])), " + connectTimeout + ")' " + h + " "
                + port + " >/dev/null 2>&1; }; "
                + "else echo 'wait_for: the host has neither nc, bash nor python3 to test a port with' >&2; exit "
                + NO_TOOL + "; fi";
        return new Condition(definition, wantOpen);
    }

    /** A path exists (and, with a regex, its content matches it). */
    static Condition path(String path, String searchRegex, boolean wantPresent) {
        String p = ShellQuote.quote(path);
        String test = searchRegex == null ? "[ -e " + p + " ]"
                : "[ -r " + p + " ] && grep -Eq -- " + ShellQuote.quote(searchRegex) + " " + p;
        return new Condition("probe() { " + test + "; }", wantPresent);
    }

    static String script(Condition condition, int delaySeconds, int timeoutSeconds, int sleepSeconds) {
        String want = condition.wantSuccess() ? "0" : "1";
        return condition.probeDefinition() + "\n"
                + (delaySeconds > 0 ? "sleep " + delaySeconds + "\n" : "")
                + "start=$(date +%s); end=$((start + " + timeoutSeconds + "))\n"
                + "while :; do\n"
                + "  if probe; then got=0; else got=1; fi\n"
                + "  now=$(date +%s)\n"
                + "  if [ \"$got\" = " + want + " ]; then echo \"elapsed=$((now - start))\"; exit 0; fi\n"
                + "  if [ \"$now\" -ge \"$end\" ]; then echo \"elapsed=$((now - start))\"; exit " + TIMED_OUT + "; fi\n"
                + "  sleep " + sleepSeconds + "\n"
                + "done";
    }

    /** The seconds the script reported, or -1. */
    static int elapsed(String stdout) {
        for (String line : stdout.split("\n")) {
            if (line.startsWith("elapsed=")) {
                try {
                    return Integer.parseInt(line.substring("elapsed=".length()).trim());
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }
        return -1;
    }
}
