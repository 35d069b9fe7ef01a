package io.rmqfleet.agent;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Reads the agent's settings from command-line flags ({@code --name value} or {@code --name=value}) and
 * {@code RMQFLEET_*} environment variables; a flag wins over its variable. The token is only read from a file
 * or the environment, never from a flag: flags show in {@code ps}.
 */
public final class ConfigParser {
    /** What the command line asks for. */
    public sealed interface Invocation {
        record Run(AgentConfig config) implements Invocation {
        }

        record Help() implements Invocation {
        }

        record Version() implements Invocation {
        }
    }

    /** flag name (without --) -> environment variable; the order is the order of the usage text. */
    static final Map<String, String> OPTIONS = new LinkedHashMap<>();

    static {
        OPTIONS.put("controller", "RMQFLEET_CONTROLLER");
        OPTIONS.put("host", "RMQFLEET_HOST");
        OPTIONS.put("token-file", "RMQFLEET_TOKEN_FILE");
        OPTIONS.put("interval", "RMQFLEET_INTERVAL");
        OPTIONS.put("docker-socket", "RMQFLEET_DOCKER_SOCKET");
        OPTIONS.put("data-root", "RMQFLEET_DATA_ROOT");
        OPTIONS.put("proc", "RMQFLEET_PROC");
        OPTIONS.put("ports", "RMQFLEET_PORTS");
        OPTIONS.put("probe-timeout", "RMQFLEET_PROBE_TIMEOUT");
        OPTIONS.put("connect-timeout", "RMQFLEET_CONNECT_TIMEOUT");
        OPTIONS.put("request-timeout", "RMQFLEET_REQUEST_TIMEOUT");
        OPTIONS.put("buffer", "RMQFLEET_BUFFER");
        OPTIONS.put("backoff-initial", "RMQFLEET_BACKOFF_INITIAL");
        OPTIONS.put("backoff-max", "RMQFLEET_BACKOFF_MAX");
    }

    static final String TOKEN_ENV = "RMQFLEET_TOKEN";
    /** Where the image expects the token when nothing else is said (the Docker secrets convention). */
    static final Path DEFAULT_TOKEN_FILE = Path.of("/run/secrets/agent.token");
    private static final Pattern TOKEN = Pattern.compile("[\\x21-\\x7e]{8,4096}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,252}");
    private static final int MAX_BUFFER = 100_000;

    private final Map<String, String> env;
    private final Function<Path, String> readFile;
    private final Supplier<String> kernelHostname;

    /**
     * @param readFile       reads a small text file (the token file); throws with a readable message
     * @param kernelHostname the default host name when neither --host nor RMQFLEET_HOST is given
     */
    public ConfigParser(Map<String, String> env, Function<Path, String> readFile, Supplier<String> kernelHostname) {
        this.env = env;
        this.readFile = readFile;
        this.kernelHostname = kernelHostname;
    }

    public Invocation parse(String... args) throws ConfigException {
        Map<String, String> flags = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return new Invocation.Help();
            }
            if (arg.equals("--version")) {
                return new Invocation.Version();
            }
            if (!arg.startsWith("--")) {
                throw new ConfigException("unexpected argument \"" + arg + "\" (see --help)");
            }
            String name = arg.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new ConfigException("--" + name + " needs a value");
            }
            if (name.equals("token")) {
                throw new ConfigException("--token is not supported: flags are visible in ps;"
                        + " use --token-file or " + TOKEN_ENV);
            }
            if (!OPTIONS.containsKey(name)) {
                throw new ConfigException("unknown option --" + name + " (see --help)");
            }
            if (flags.put(name, value) != null) {
                throw new ConfigException("--" + name + " given twice");
            }
        }
        return new Invocation.Run(build(flags));
    }

    private AgentConfig build(Map<String, String> flags) throws ConfigException {
        Setting s = new Setting(flags);
        URI controller = controller(s.get("controller"));
        String host = s.get("host");
        if (host == null) {
            host = kernelHostname.get().trim();
        }
        if (!HOST.matcher(host).matches()) {
            throw new ConfigException(s.name("host") + ": \"" + host + "\" is not a valid host name"
                    + " (letters, digits, '.', '_', '-')");
        }
        Duration interval = s.duration("interval", "5s", Duration.ofMillis(100));
        Duration backoffInitial = s.duration("backoff-initial", "1s", Duration.ofMillis(10));
        Duration backoffMax = s.duration("backoff-max", "30s", Duration.ofMillis(10));
        if (backoffMax.compareTo(backoffInitial) < 0) {
            throw new ConfigException(s.name("backoff-max") + " (" + Durations.format(backoffMax)
                    + ") is below " + s.name("backoff-initial") + " (" + Durations.format(backoffInitial) + ")");
        }
        return new AgentConfig(
                controller,
                host,
                token(s),
                interval,
                s.path("docker-socket", "/var/run/docker.sock"),
                s.path("data-root", "/data/rocketmq"),
                s.path("proc", "/proc"),
                ports(s),
                s.duration("probe-timeout", "500ms", Duration.ofMillis(10)),
                s.duration("connect-timeout", "3s", Duration.ofMillis(10)),
                s.duration("request-timeout", "10s", Duration.ofMillis(10)),
                s.integer("buffer", "720", 1, MAX_BUFFER),
                backoffInitial,
                backoffMax);
    }

    private URI controller(String text) throws ConfigException {
        if (text == null) {
            throw new ConfigException("the controller URL is required: --controller URL or RMQFLEET_CONTROLLER"
                    + " (e.g. http://10.213.0.1:8080)");
        }
        try {
            URI uri = new URI(text.trim());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                throw new ConfigException("controller URL must start with http:// or https://, got \"" + text + "\"");
            }
            if (uri.getHost() == null) {
                throw new ConfigException("controller URL has no host: \"" + text + "\"");
            }
            if (uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new ConfigException("controller URL must not carry user info, a query or a fragment: \""
                        + text + "\"");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigException("controller URL is malformed: " + e.getMessage());
        }
    }

    private Secret token(Setting s) throws ConfigException {
        String file = s.get("token-file");
        String fromEnv = env.get(TOKEN_ENV);
        if (file != null && fromEnv != null) {
            throw new ConfigException("both " + s.name("token-file") + " and " + TOKEN_ENV
                    + " are set; give one");
        }
        String token;
        String origin;
        if (file != null) {
            try {
                token = readFile.apply(Path.of(file));
            } catch (RuntimeException e) {
                throw new ConfigException("cannot read the token file " + file + ": " + e.getMessage());
            }
            origin = "token file " + file;
        } else if (fromEnv != null) {
            token = fromEnv;
            origin = TOKEN_ENV;
        } else {
            try {
                token = readFile.apply(DEFAULT_TOKEN_FILE);
            } catch (RuntimeException e) {
                throw new ConfigException("no agent token: give --token-file PATH, RMQFLEET_TOKEN_FILE or "
                        + TOKEN_ENV + ", or mount it at " + DEFAULT_TOKEN_FILE);
            }
            origin = "token file " + DEFAULT_TOKEN_FILE;
        }
        token = token.strip();
        if (!TOKEN.matcher(token).matches()) {
            // Never echo the token itself.
            throw new ConfigException("the token from " + origin
                    + " must be 8 to 4096 printable characters without spaces");
        }
        return new Secret(token);
    }

    private static List<Integer> ports(Setting s) throws ConfigException {
        Set<Integer> ports = new LinkedHashSet<>(AgentConfig.ROCKETMQ_PORTS);
        String extra = s.get("ports");
        if (extra != null && !extra.isBlank()) {
            for (String part : extra.split(",")) {
                String p = part.trim();
                int port;
                try {
                    port = Integer.parseInt(p);
                } catch (NumberFormatException e) {
                    throw new ConfigException(s.name("ports") + ": \"" + p + "\" is not a port number");
                }
                if (port < 1 || port > 65535) {
                    throw new ConfigException(s.name("ports") + ": " + port + " is not between 1 and 65535");
                }
                ports.add(port);
            }
        }
        if (ports.size() > 64) {
            throw new ConfigException(s.name("ports") + ": at most 64 ports in all");
        }
        return new ArrayList<>(ports);
    }

    /** One lookup: the flag, else its environment variable, else the default; errors name the source. */
    private final class Setting {
        private final Map<String, String> flags;

        Setting(Map<String, String> flags) {
            this.flags = flags;
        }

        String get(String option) {
            String value = flags.get(option);
            return value != null ? value : env.get(OPTIONS.get(option));
        }

        String name(String option) {
            return flags.containsKey(option) ? "--" + option
                    : env.containsKey(OPTIONS.get(option)) ? OPTIONS.get(option) : "--" + option;
        }

        Path path(String option, String fallback) {
            String value = get(option);
            return Path.of(value == null || value.isBlank() ? fallback : value);
        }

        Duration duration(String option, String fallback, Duration min) throws ConfigException {
            String value = get(option);
            Duration d = Durations.parse(name(option), value == null ? fallback : value);
            if (d.compareTo(min) < 0) {
                throw new ConfigException(name(option) + ": at least " + Durations.format(min) + ", got "
                        + Durations.format(d));
            }
            return d;
        }

        int integer(String option, String fallback, int min, int max) throws ConfigException {
            String value = get(option);
            String text = value == null ? fallback : value.trim();
            try {
                int n = Integer.parseInt(text);
                if (n < min || n > max) {
                    throw new ConfigException(name(option) + ": expected " + min + " to " + max + ", got " + n);
                }
                return n;
            } catch (NumberFormatException e) {
                throw new ConfigException(name(option) + ": expected a number, got \"" + text + "\"");
            }
        }
    }
}
