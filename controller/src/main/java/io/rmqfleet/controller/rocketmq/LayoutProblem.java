package io.rmqfleet.controller.rocketmq;

import io.rmqfleet.controller.input.SourceLocation;

/** One mistake in the cluster layout, reported at the inventory line of the host it concerns. */
public record LayoutProblem(SourceLocation where, String message) {

    @Override
    public String toString() {
        return where + ": " + message;
    }
}
