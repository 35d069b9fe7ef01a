package io.rmqfleet.agent;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The version Maven filtered into rmqfleet-agent-version.properties at build time. */
public final class AgentVersion {
    private AgentVersion() {
    }

    public static String get() {
        Properties props = new Properties();
        try (InputStream in = AgentVersion.class.getResourceAsStream("/rmqfleet-agent-version.properties")) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        String version = props.getProperty("version", "unknown");
        return version.startsWith("${") ? "unknown" : version;
    }
}
