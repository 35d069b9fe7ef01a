package io.rmqfleet.controller.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;

/** Reads the version Maven filtered into rmqfleet-version.properties at build time. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
        Properties props = new Properties();
        try (InputStream in = VersionProvider.class.getResourceAsStream("/rmqfleet-version.properties")) {
            if (in != null) {
                props.load(in);
            }
        }
        return new String[] {
            "rmqfleet " + props.getProperty("version", "unknown"),
            "java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
        };
    }
}
