package io.rmqfleet.controller.module;

import io.rmqfleet.controller.connection.Connection;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a module may use besides its arguments: the host's connection, the run's modes, a clock, the host's
 * facts when they were gathered, the template engine and the controller-side file lookup.
 */
public final class ModuleContext {
    /** Default limit for one remote command: generous, since package installs and image loads are slow. */
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofMinutes(30);

    private final String hostName;
    private final Connection connection;
    private final boolean checkMode;
    private final boolean diffMode;
    private final Clock clock;
    private final Map<String, Object> facts;
    private final TemplateRenderer templates;
    private final ControllerFiles files;
    private final Duration commandTimeout;

    private ModuleContext(Builder b) {
        this.hostName = Objects.requireNonNull(b.hostName, "hostName");
        this.connection = b.connection;
        this.checkMode = b.checkMode;
        this.diffMode = b.diffMode;
        this.clock = b.clock;
        this.facts = b.facts;
        this.templates = b.templates;
        this.files = b.files;
        this.commandTimeout = b.commandTimeout;
    }

    public static Builder builder(String hostName) {
        return new Builder(hostName);
    }

    public String hostName() {
        return hostName;
    }

    /** The host's connection; modules that run on the controller never call this. */
    public Connection connection() {
        if (connection == null) {
            throw new IllegalStateException("no connection to " + hostName + " was given to this module");
        }
        return connection;
    }

    /** {@code --check}: predict, change nothing. */
    public boolean checkMode() {
        return checkMode;
    }

    /** {@code --diff}: report before/after of what changes (or would change). */
    public boolean diffMode() {
        return diffMode;
    }

    public Clock clock() {
        return clock;
    }

    /** The host's facts (setup's {@code ansible_facts}, keys without the {@code ansible_} prefix), if gathered. */
    public Optional<Map<String, Object>> facts() {
        return Optional.ofNullable(facts);
    }

    public TemplateRenderer templates() {
        if (templates == null) {
            throw new IllegalStateException("no template renderer was given to this module");
        }
        return templates;
    }

    public ControllerFiles files() {
        if (files == null) {
            throw new IllegalStateException("no controller file lookup was given to this module");
        }
        return files;
    }

    /** The longest a single remote command of this task may take. */
    public Duration commandTimeout() {
        return commandTimeout;
    }

    public static final class Builder {
        private final String hostName;
        private Connection connection;
        private boolean checkMode;
        private boolean diffMode;
        private Clock clock = Clock.systemUTC();
        private Map<String, Object> facts;
        private TemplateRenderer templates;
        private ControllerFiles files;
        private Duration commandTimeout = DEFAULT_COMMAND_TIMEOUT;

        private Builder(String hostName) {
            this.hostName = hostName;
        }

        public Builder connection(Connection connection) {
            this.connection = connection;
            return this;
        }

        public Builder checkMode(boolean checkMode) {
            this.checkMode = checkMode;
            return this;
        }

        public Builder diffMode(boolean diffMode) {
            this.diffMode = diffMode;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public Builder facts(Map<String, Object> facts) {
            this.facts = facts;
            return this;
        }

        public Builder templates(TemplateRenderer templates) {
            this.templates = templates;
            return this;
        }

        public Builder files(ControllerFiles files) {
            this.files = files;
            return this;
        }

        public Builder commandTimeout(Duration commandTimeout) {
            this.commandTimeout = Objects.requireNonNull(commandTimeout);
            return this;
        }

        public ModuleContext build() {
            return new ModuleContext(this);
        }
    }
}
