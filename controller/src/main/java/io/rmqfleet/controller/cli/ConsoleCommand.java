package io.rmqfleet.controller.cli;

import io.rmqfleet.controller.console.ConsoleArgs;
import io.rmqfleet.controller.console.ConsoleOptions;
import io.rmqfleet.controller.console.ConsoleServer;
import io.rmqfleet.controller.input.InputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rmqfleet console}: the RocketMQ console (clusters, brokers, topics, consumer lag, messages) over HTTP
 * until SIGTERM/SIGINT. The rmqfleet/console image runs exactly this. docs/console.md.
 */
@Command(name = "console", mixinStandardHelpOptions = true,
    description = {"Serve rmqfleet's RocketMQ console: clusters and brokers (address, role, TPS), topics and their",
        "routes, consumer groups with lag, message lookup by key or id; the cluster API of the official",
        "rocketmq-dashboard (GET /cluster/list.query) and its login (POST /login/login.do)."})
public final class ConsoleCommand implements Callable<Integer> {

    @Option(names = {"-n", "--namesrv"}, required = true, paramLabel = "ADDR[;ADDR]",
        description = "Every NameServer, host:port, ';'-separated.")
    String namesrv;

    @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "0.0.0.0:8080",
        description = "Where to listen (default: ${DEFAULT-VALUE}).")
    String listen;

    @Option(names = "--users-file", paramLabel = "FILE",
        description = "Logins in the dashboard's users.properties format (user=password[,1]); without it: no login.")
    Path usersFile;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        ConsoleOptions options;
        try {
            ConsoleArgs.HostPort at = ConsoleArgs.listen(listen);
            options = new ConsoleOptions(ConsoleArgs.namesrv(namesrv), at.host(), at.port(), usersFile,
                ConsoleOptions.DEFAULT_CALL_TIMEOUT);
        } catch (IllegalArgumentException e) {
            throw new UserFacingException(e.getMessage(), ExitCodes.BAD_INPUT);
        }
        ConsoleServer server;
        try {
            server = ConsoleServer.start(options, Clock.systemUTC());
        } catch (InputException e) {
            throw e;
        } catch (Exception e) {
            throw new UserFacingException("cannot start the console on " + listen + ": "
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()), ExitCodes.ERROR, e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "rmqfleet-console-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("rmqfleet console: listening on " + options.host() + ":" + server.port());
        out.println("  namesrv: " + options.namesrvAddr());
        out.println("  login: " + (server.loginRequired() ? "required (users from " + usersFile + ")" : "off"));
        out.flush();
        stopped.await();
        return ExitCodes.OK;
    }
}
