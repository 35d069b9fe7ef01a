package io.rmqfleet.controller.module.docker;

import io.rmqfleet.controller.module.ModuleFailure;

import java.util.Locale;

/**
 * The host has no docker CLI or its daemon does not answer. A failure in a real run; in check mode on a host that
 * docker_install has yet to set up, the docker modules predict their change instead.
 */
final class DockerUnavailableException extends ModuleFailure {

    DockerUnavailableException(String message) {
        super(message);
    }

    /** True for the docker CLI's "not installed" and "daemon not reachable" messages. */
    static boolean matches(String output) {
        String o = output.toLowerCase(Locale.ROOT);
        return o.contains("docker: not found") || o.contains("docker: command not found")
                || o.contains("cannot connect to the docker daemon") || o.contains("is the docker daemon running");
    }
}
