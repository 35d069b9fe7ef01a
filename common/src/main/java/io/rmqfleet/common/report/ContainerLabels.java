package io.rmqfleet.common.report;

/** The Docker labels rmqfleet puts on the containers it manages (DESIGN.md, "Expected vs actual"). */
public final class ContainerLabels {
    /** {@code rmqfleet.managed=true}: rmqfleet created it; the agent reports exactly these containers. */
    public static final String MANAGED = "rmqfleet.managed";
    /** {@code rmqfleet.spec-hash=<sha256 of the rendered spec>}: a different hash means recreate. */
    public static final String SPEC_HASH = "rmqfleet.spec-hash";

    private ContainerLabels() {
    }
}
