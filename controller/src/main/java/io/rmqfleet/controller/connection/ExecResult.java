package io.rmqfleet.controller.connection;

/** What a remote command left behind: its exit status and everything it printed. */
public record ExecResult(int exitCode, String stdout, String stderr) {

    public boolean ok() {
        return exitCode == 0;
    }

    /** The last lines of stderr (or stdout when stderr is empty), for error messages meant for people. */
    public String tail(int lines) {
        String text = stderr.isBlank() ? stdout : stderr;
        String[] all = text.strip().split("\n");
        int from = Math.max(0, all.length - lines);
        return String.join("\n", java.util.Arrays.copyOfRange(all, from, all.length));
    }
}
