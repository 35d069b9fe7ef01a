package io.rmqfleet.controller.http.api;

import io.vertx.core.buffer.Buffer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads a resource of the controller jar once. */
final class StaticResources {
    private StaticResources() {
    }

    static Buffer load(String path) {
        try (InputStream in = StaticResources.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("resource " + path + " is missing from the controller jar");
            }
            return Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
