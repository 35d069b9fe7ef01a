package io.rmqfleet.controller.cli;

import io.rmqfleet.controller.http.DriftRemediator;
import io.rmqfleet.controller.http.config.DriftFixPolicy;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * {@code serve}'s remediation runner: {@code apply -i INV PLAYBOOK --limit HOST -e ... --json FILE} in this
 * process (exactly the operator's command, so the re-apply is the same run), with its console output kept for the
 * log and its JSON events returned for the run history. Blocking: the remediator calls it on a worker thread.
 */
public final class PlaybookReapply implements DriftRemediator.Runner {
    private final List<String> inventories;
    private final Path playbook;
    private final List<String> extraVars;

    public PlaybookReapply(List<String> inventories, DriftFixPolicy policy) {
        this.inventories = List.copyOf(inventories);
        this.playbook = policy.playbook();
        this.extraVars = policy.extraVars();
    }

    /** The command line of a re-apply of {@code host} writing its events to {@code json}. */
    List<String> arguments(String host, Path json) {
        List<String> args = new ArrayList<>(List.of("apply"));
        inventories.forEach(i -> args.addAll(List.of("-i", i)));
        args.add(playbook.toString());
        // a host name is never a pattern here: ',' or ':' would widen it, so quote nothing and refuse those
        if (!Pattern.matches("[A-Za-z0-9][A-Za-z0-9._-]*", host)) {
            throw new IllegalArgumentException("not a plain host name: '" + host + "'");
        }
        args.addAll(List.of("--limit", host));
        extraVars.forEach(e -> args.addAll(List.of("-e", e)));
        args.addAll(List.of("--json", json.toString(), "--no-interrupt-guard"));
        return args;
    }

    @Override
    public DriftRemediator.Outcome reapply(String host) throws IOException {
        Path json = Files.createTempFile("rmqfleet-reapply-", ".jsonl");
        try {
            StringWriter out = new StringWriter();
            CommandLine cli = Main.commandLine();
            cli.setOut(new PrintWriter(out, true));
            cli.setErr(new PrintWriter(out, true));
            int code = cli.execute(arguments(host, json).toArray(String[]::new));
            return new DriftRemediator.Outcome(code, Files.readAllBytes(json), summary(out.toString(), host, code));
        } finally {
            Files.deleteIfExists(json);
        }
    }

    /** The host's recap line; after a failure also the last lines of the output (no_log results are censored). */
    static String summary(String output, String host, int code) {
        List<String> lines = output.lines().toList();
        String recap = lines.stream().filter(l -> l.startsWith(host + " ") && l.contains(" : ok=")).findFirst()
                .map(String::strip).orElse("no recap");
        if (code == ExitCodes.OK) {
            return recap;
        }
        return recap + "\n" + String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    }
}
