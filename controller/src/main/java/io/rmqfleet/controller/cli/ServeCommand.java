package io.rmqfleet.controller.cli;

import io.rmqfleet.controller.http.ControllerServer;
import io.rmqfleet.controller.http.config.ServeConfig;
import io.rmqfleet.controller.http.config.ServeConfigParser;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rmqfleet serve [--config FILE]}: the controller server (REST API, dashboard, agent ingest, drift checks,
 * metrics) until SIGTERM/SIGINT, then a clean shutdown that writes the last state. docs/serve.md.
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Serve the REST API, dashboard, agent report ingest, scheduled drift checks and /metrics.")
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE",
            description = "YAML configuration (docs/serve.md); without it: 127.0.0.1:8480, state under .rmqfleet/serve/")
    Path config;

    @Option(names = "--port", paramLabel = "PORT", description = "Overrides listen.port of the configuration.")
    Integer port;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        ServeConfig cfg = config == null ? ServeConfigParser.defaults(Path.of("").toAbsolutePath())
                : ServeConfigParser.read(config);
        if (port != null) {
            if (port < 0 || port > 65535) {
                throw new UserFacingException("--port: expected 0 to 65535, got " + port, ExitCodes.BAD_INPUT);
            }
            cfg = cfg.withPort(port);
        }
        ControllerServer server;
        try {
            server = ControllerServer.start(cfg, Clock.systemUTC(),
                    cfg.driftFix().possible() ? new PlaybookReapply(cfg.inventories(), cfg.driftFix()) : null);
        } catch (IllegalStateException e) {
            throw new UserFacingException(e.getMessage(), ExitCodes.ERROR, e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "rmqfleet-serve-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("rmqfleet serve: listening on " + server.url());
        out.println("  admin token: " + cfg.adminTokenFile() + (server.adminTokenGenerated() ? " (generated)" : ""));
        out.println("  agent tokens: " + (cfg.agentTokensFile() == null ? "(none: no agent may report)"
                : cfg.agentTokensFile()));
        out.println("  database: " + cfg.database() + ".mv.db");
        out.println("  drift: every " + cfg.driftInterval().toSeconds() + " s" + (!cfg.driftFix().possible()
                ? ", no remediation (no drift.playbook)"
                : ", re-apply " + cfg.driftFix().playbook() + (cfg.driftFix().fix() ? " on drift (fix: true)"
                : " on request only ({\"fix\": true})")));
        out.println("  inventory: " + (cfg.inventories().isEmpty() ? "(none)" : String.join(", ", cfg.inventories())));
        out.flush();
        stopped.await();
        return ExitCodes.OK;
    }
}
