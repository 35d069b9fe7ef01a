package io.rmqfleet.controller.cli;

import io.rmqfleet.controller.connection.ExecResult;
import io.rmqfleet.controller.connection.SshConnection;
import io.rmqfleet.controller.connection.SshSettings;
import io.rmqfleet.controller.connection.UnreachableException;
import io.rmqfleet.testbed.BedInspector;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code rmqfleet testbed status}: each host's container state and whether SSH (strict host key, the bed's
 * key) answers. Exit 0 all fine, 3 some host down or unreachable, 1 no bed is up.
 */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Show the test hosts: address, container state, SSH reachability, host key fingerprint.")
final class TestbedStatusCommand implements Callable<Integer> {
    private static final Duration SSH_TIMEOUT = Duration.ofSeconds(5);

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        TestbedCommand.quietLibraries();
        PrintWriter out = spec.commandLine().getOut();
        Optional<TestbedState> found = TestbedCommand.store().read();
        if (found.isEmpty()) {
            throw new UserFacingException("no test bed is up (start one: rmqfleet testbed up --hosts 3)", ExitCodes.ERROR);
        }
        TestbedState state = found.get();
        Map<String, String> containers;
        try {
            containers = BedInspector.connect().hostStates(state.bed());
        } catch (RuntimeException e) {
            throw new UserFacingException("cannot ask Docker about test bed '" + state.bed() + "': " + e.getMessage(),
                ExitCodes.ERROR, e);
        }
        Map<String, String> ssh = checkSsh(state, containers);

        out.printf("test bed '%s': %d host(s) on %s (network %s), started %s%n", state.bed(), state.hosts().size(),
            state.subnet(), state.network(), state.startedAt());
        TestbedPrinter.hosts(out, state, containers, ssh);
        TestbedPrinter.files(out, state);

        boolean allFine = state.hosts().stream().allMatch(h ->
            "running".equals(containers.get(h.name())) && "ok".equals(ssh.get(h.name())));
        if (!allFine) {
            spec.commandLine().getErr().println("some test hosts are down or unreachable; "
                + "'rmqfleet testbed up' replaces an incomplete bed");
        }
        return allFine ? ExitCodes.OK : ExitCodes.HOST_UNREACHABLE;
    }

    /** SSH check per running host, in parallel: "ok", or why not. */
    private static Map<String, String> checkSsh(TestbedState state, Map<String, String> containers)
        throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(8, state.hosts().size()));
        try {
            Map<String, Future<String>> pending = new LinkedHashMap<>();
            for (TestbedState.Host host : state.hosts()) {
                if ("running".equals(containers.get(host.name()))) {
                    pending.put(host.name(), pool.submit(() -> sshCheck(state, host)));
                }
            }
            Map<String, String> results = new LinkedHashMap<>();
            for (Map.Entry<String, Future<String>> entry : pending.entrySet()) {
                try {
                    results.put(entry.getKey(), entry.getValue().get());
                } catch (ExecutionException e) {
                    results.put(entry.getKey(), "error: " + e.getCause().getMessage());
                }
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static String sshCheck(TestbedState state, TestbedState.Host host) {
        SshSettings settings = new SshSettings(host.name(), host.address(), host.sshPort(), "root",
            Optional.of(Path.of(state.privateKey())), List.of(Path.of(state.knownHosts())), false, SSH_TIMEOUT,
            SshSettings.DEFAULT_KEEPALIVE);
        try (SshConnection connection = SshConnection.open(settings)) {
            ExecResult result = connection.exec("true", SSH_TIMEOUT);
            return result.ok() ? "ok" : "exit " + result.exitCode();
        } catch (UnreachableException e) {
            return "unreachable";
        }
    }
}
