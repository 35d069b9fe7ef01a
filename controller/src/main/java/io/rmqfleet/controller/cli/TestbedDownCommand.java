package io.rmqfleet.controller.cli;

import io.rmqfleet.testbed.BedCleaner;
import io.rmqfleet.testbed.TestBedException;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code rmqfleet testbed down}: removes exactly what the bed created (containers, network and volumes carrying
 * its label) and its files under .rmqfleet/testbed. Nothing up is not an error.
 */
@Command(name = "down", mixinStandardHelpOptions = true,
    description = "Remove the test hosts, their network and volumes, and the bed's key/known_hosts/inventory.")
final class TestbedDownCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        TestbedCommand.quietLibraries();
        PrintWriter out = spec.commandLine().getOut();
        TestbedStateStore store = TestbedCommand.store();
        Optional<TestbedState> state = store.read();
        String bedName = state.map(TestbedState::bed).orElse(TestbedCommand.bedNameFor(RmqfleetHome.dir()));
        BedCleaner.Resources removed;
        try {
            removed = BedCleaner.connect().remove(bedName);
        } catch (TestBedException e) {
            throw new UserFacingException(e.getMessage(), ExitCodes.ERROR, e);
        }
        store.deleteAll();
        if (removed.isEmpty() && state.isEmpty()) {
            out.println("no test bed is up; nothing to remove");
            return ExitCodes.OK;
        }
        out.println("test bed '" + bedName + "' removed: " + removed);
        out.println("deleted its files in " + store.dir());
        state.map(TestbedState::inventoryCopy).ifPresent(copy ->
            out.println("left in place: " + copy + " (an inventory copy you asked for; it points at removed hosts)"));
        return ExitCodes.OK;
    }
}
