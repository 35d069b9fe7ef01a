package io.rmqfleet.controller.module.docker;

import io.rmqfleet.controller.connection.Connection;

import java.util.Optional;

/**
 * Moves an image from the controller's Docker engine to a host's engine without a registry
 * ({@code docker save} on the controller, SFTP, {@code docker load} on the host). docker_image's
 * {@code source: ship} uses it; the connection layer provides the implementation.
 */
public interface ImageTransfer {

    /** The image's id ({@code sha256:...}) in the controller's engine; empty when the controller lacks it. */
    Optional<String> localImageId(String image);

    /** Copies {@code image} to the host behind {@code connection} and loads it there. */
    void ship(String image, Connection connection);
}
