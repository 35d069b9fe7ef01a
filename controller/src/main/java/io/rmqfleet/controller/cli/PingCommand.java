package io.rmqfleet.controller.cli;

import io.rmqfleet.controller.callback.PythonJson;
import io.rmqfleet.controller.connection.LoginOptions;
import io.rmqfleet.controller.executor.ConnectionVars;
import io.rmqfleet.controller.executor.PingResult;
import io.rmqfleet.controller.executor.Pinger;
import io.rmqfleet.controller.executor.SshConnectionFactory;
import io.rmqfleet.controller.inventory.Host;
import io.rmqfleet.controller.inventory.Inventory;
import io.rmqfleet.controller.inventory.Limit;
import io.rmqfleet.controller.playbook.template.Templar;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rmqfleet ping -i INV}: can every host be reached over SSH (host key verified, login works, a command
 * runs)? Output like {@code ansible all -m ping}; exit 0 when all answer, 3 when any is unreachable.
 */
@Command(name = "ping", mixinStandardHelpOptions = true, sortOptions = false,
    description = "Checks SSH reachability of the inventory's hosts in parallel, like 'ansible all -m ping'.")
public final class PingCommand implements Callable<Integer> {
    /** Pinging is waiting on the network, not work: many at once, but not unbounded. */
    static final int MAX_DEFAULT_FORKS = 200;

    @Option(names = {"-i", "--inventory"}, paramLabel = "INV", required = true,
        description = "Inventory file, directory or host list; repeatable.")
    List<String> inventories;

    @Parameters(index = "0", arity = "0..1", paramLabel = "PATTERN", defaultValue = "all",
        description = "Host pattern (default: ${DEFAULT-VALUE}).")
    String pattern;

    @Option(names = {"-l", "--limit"}, paramLabel = "PATTERN", description = "Further limit hosts to a pattern.")
    String limit;

    @Option(names = {"-f", "--forks"}, paramLabel = "N",
        description = "Hosts pinged at once (default: all selected hosts, at most " + MAX_DEFAULT_FORKS + ").")
    Integer forks;

    @Option(names = "--accept-new-hosts",
        description = "Record the host keys of hosts not yet in known_hosts (trust on first use); "
            + "a changed key is still refused.")
    boolean acceptNewHosts;

    @Option(names = {"-o", "--one-line"}, description = "One line per host.")
    boolean oneLine;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        if (forks != null && forks < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--forks must be at least 1");
        }
        TestbedCommand.quietLibraries();
        // sshj logs refused host keys as errors; the result line says it once, for people
        System.setProperty("org.slf4j.simpleLogger.log.net.schmizz", "off");
        Inventory inventory = Inventory.loadSources(inventories);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        inventory.warnings().forEach(w -> err.println("[WARNING]: " + w));
        List<String> hosts = inventory.select(pattern, limit == null ? null : Limit.parse(limit)).stream()
            .map(Host::name).toList();
        if (hosts.isEmpty()) {
            err.println("[WARNING]: No hosts matched, nothing to do");
            err.flush();
            return ExitCodes.OK;
        }
        ConnectionVars vars = new ConnectionVars(h -> inventory.host(h).isPresent() ? inventory.hostVars(h) : Map.of(),
            new Templar());
        SshConnectionFactory factory = new SshConnectionFactory(vars, LoginOptions.from(acceptNewHosts, System.getenv()),
            Path.of(System.getProperty("user.home")));
        int parallel = forks != null ? forks : Math.min(hosts.size(), MAX_DEFAULT_FORKS);
        List<PingResult> results = new Pinger(factory, parallel).ping(hosts, r -> {
            out.println(render(r, oneLine));
            out.flush();
        });
        return results.stream().allMatch(PingResult::reachable) ? ExitCodes.OK : ExitCodes.HOST_UNREACHABLE;
    }

    /** Ansible's ad-hoc lines: {@code host | SUCCESS => {...}} / {@code host | UNREACHABLE! => {...}}. */
    static String render(PingResult r, boolean oneLine) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("changed", false);
        if (r.reachable()) {
            data.put("ping", "pong");
        } else {
            data.put("msg", r.message());
            data.put("unreachable", true);
        }
        String head = r.host() + " | " + (r.reachable() ? "SUCCESS" : "UNREACHABLE!") + " => ";
        return head + (oneLine ? PythonJson.oneLine(data) : PythonJson.indented(data));
    }
}
