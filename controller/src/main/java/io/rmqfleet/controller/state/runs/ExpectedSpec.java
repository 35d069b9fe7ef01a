package io.rmqfleet.controller.state.runs;

/** The spec hash a run gave a container: what drift compares the agents' labels with. */
public record ExpectedSpec(String host, String container, String specHash) {
}
