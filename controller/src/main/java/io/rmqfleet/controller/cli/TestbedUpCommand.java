package io.rmqfleet.controller.cli;

import io.rmqfleet.testbed.BedCleaner;
import io.rmqfleet.testbed.BedInspector;
import io.rmqfleet.testbed.Subnet;
import io.rmqfleet.testbed.TestBed;
import io.rmqfleet.testbed.TestBedException;
import io.rmqfleet.testbed.TestBedSpec;
import io.rmqfleet.testbed.TestImages;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rmqfleet testbed up --hosts N [--inventory-out FILE]}: idempotent; a running bed is just printed. */
@Command(name = "up", mixinStandardHelpOptions = true,
    description = "Start N local test hosts (or print the ones already up) and write their inventory.")
final class TestbedUpCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--hosts", paramLabel = "N", defaultValue = "3",
        description = "Number of hosts, 1..200 (default: ${DEFAULT-VALUE}).")
    int hosts;

    @Option(names = "--inventory-out", paramLabel = "FILE",
        description = "Also write the inventory here (it uses absolute paths, so it works from anywhere).")
    Path inventoryOut;

    @Override
    public Integer call() throws IOException {
        if (hosts < 1 || hosts > Subnet.MAX_HOSTS) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                "--hosts must be between 1 and " + Subnet.MAX_HOSTS + ": " + hosts);
        }
        TestbedCommand.quietLibraries();
        PrintWriter out = spec.commandLine().getOut();
        TestbedStateStore store = TestbedCommand.store();
        Optional<TestbedState> existing = store.read();
        String bedName = existing.map(TestbedState::bed).orElse(TestbedCommand.bedNameFor(RmqfleetHome.dir()));

        try {
            if (existing.isPresent()) {
                Map<String, String> states = BedInspector.connect().hostStates(bedName);
                if (allRunning(existing.get(), states)) {
                    return alreadyUp(out, store, existing.get(), states);
                }
                out.println("the previous test bed '" + bedName + "' is incomplete " + states + "; replacing it");
            }
            BedCleaner cleaner = BedCleaner.connect();
            if (!cleaner.find(bedName).isEmpty()) {
                out.println("removing leftovers of test bed '" + bedName + "': " + cleaner.remove(bedName));
            }
            store.deleteAll();

            TestImages.require(List.of(TestImages.TESTHOST));
            Instant startedAt = Clock.systemUTC().instant();
            TestBed bed = TestBed.start(TestBedSpec.of(bedName, hosts).withStateDir(store.dir()));
            TestbedState state = TestbedState.of(bed, startedAt, null);
            state = copyInventory(state);
            store.write(state);

            out.printf("test bed '%s' is up: %d host(s) on %s (network %s), ready in %.1f s%n", state.bed(),
                state.hosts().size(), state.subnet(), state.network(), state.startupMillis() / 1000.0);
            TestbedPrinter.hosts(out, state, BedInspector.connect().hostStates(bedName), allOk(state));
            TestbedPrinter.files(out, state);
            out.println("try:         ansible all -i " + state.inventory() + " -m ping");
            out.println("remove with: rmqfleet testbed down");
            return ExitCodes.OK;
        } catch (TestBedException e) {
            throw new UserFacingException(e.getMessage(), ExitCodes.ERROR, e);
        }
    }

    private int alreadyUp(PrintWriter out, TestbedStateStore store, TestbedState state, Map<String, String> states)
        throws IOException {
        if (state.hosts().size() != hosts && spec.commandLine().getParseResult().hasMatchedOption("--hosts")) {
            throw new UserFacingException("test bed '" + state.bed() + "' is already up with " + state.hosts().size()
                + " host(s), not " + hosts + "; run 'rmqfleet testbed down' first to change its size", ExitCodes.ERROR);
        }
        TestbedState updated = copyInventory(state);
        store.write(updated);
        out.printf("test bed '%s' is already up: %d host(s) on %s (network %s); nothing started%n", updated.bed(),
            updated.hosts().size(), updated.subnet(), updated.network());
        TestbedPrinter.hosts(out, updated, states, Map.of());
        TestbedPrinter.files(out, updated);
        return ExitCodes.OK;
    }

    private TestbedState copyInventory(TestbedState state) throws IOException {
        if (inventoryOut == null) {
            return state;
        }
        Path target = inventoryOut.toAbsolutePath().normalize();
        if (target.getParent() != null) {
            Files.createDirectories(target.getParent());
        }
        Files.copy(Path.of(state.inventory()), target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return state.withInventoryCopy(target.toString());
    }

    private static boolean allRunning(TestbedState state, Map<String, String> states) {
        return state.hosts().stream().allMatch(h -> "running".equals(states.get(h.name())));
    }

    private static Map<String, String> allOk(TestbedState state) {
        Map<String, String> ok = new java.util.LinkedHashMap<>();
        state.hosts().forEach(h -> ok.put(h.name(), "ok"));
        return ok;
    }
}
