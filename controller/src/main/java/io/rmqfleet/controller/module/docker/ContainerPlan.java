package io.rmqfleet.controller.module.docker;

import java.util.ArrayList;
import java.util.List;

/**
 * What docker_container has to do to reach the wanted state, decided from the wanted spec and what
 * {@code docker inspect} shows. Pure: {@link #decide} is the whole policy (create, recreate only when the spec hash
 * or the image changed, start, stop, remove; never touch a container rmqfleet did not create unless adopted).
 */
record ContainerPlan(List<Step> steps, List<String> reasons, String refusal) {

    enum Step {
        /** {@code docker stop} then {@code docker rm} (never {@code -v}: volumes stay). */
        REMOVE,
        /** {@code docker run -d}. */
        RUN,
        /** {@code docker create} (not started). */
        CREATE,
        START,
        STOP
    }

    boolean changes() {
        return !steps.isEmpty();
    }

    boolean refused() {
        return refusal != null;
    }

    /**
     * @param state         started, stopped, present or absent
     * @param wantedHash    the spec hash of the wanted container
     * @param actual        the existing container, or null
     * @param wantedImageId the id the wanted image reference has on the host now, or null when it is not there
     * @param adopt         replace a same-named container that rmqfleet did not create
     */
    static ContainerPlan decide(String state, String wantedHash, InspectedContainer actual, String wantedImageId,
                                boolean adopt) {
        List<Step> steps = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        if (actual != null && !actual.managed() && !adopt) {
            return new ContainerPlan(List.of(), List.of(), "container " + actual.name()
                    + " exists but was not created by rmqfleet (no label " + ContainerSpec.MANAGED_LABEL
                    + "=true); refusing to touch it. Remove it yourself, or set adopt: true to let rmqfleet replace it");
        }
        if (state.equals("absent")) {
            if (actual != null) {
                steps.add(Step.REMOVE);
                reasons.add("removed");
            }
            return new ContainerPlan(steps, reasons, null);
        }
        if (actual == null) {
            steps.add(state.equals("started") ? Step.RUN : Step.CREATE);
            reasons.add("created");
            return new ContainerPlan(steps, reasons, null);
        }
        if (!actual.managed()) {
            reasons.add("adopted (was not created by rmqfleet)");
        } else if (!wantedHash.equals(actual.specHash())) {
            reasons.add("spec changed");
        } else if (wantedImageId != null && !wantedImageId.equals(actual.imageId())) {
            reasons.add("image changed");
        }
        if (!reasons.isEmpty()) {
            steps.add(Step.REMOVE);
            boolean run = state.equals("started") || (state.equals("present") && actual.running());
            steps.add(run ? Step.RUN : Step.CREATE);
            return new ContainerPlan(steps, reasons, null);
        }
        if (state.equals("started") && !actual.running()) {
            steps.add(Step.START);
            reasons.add("started");
        } else if (state.equals("stopped") && actual.running()) {
            steps.add(Step.STOP);
            reasons.add("stopped");
        }
        return new ContainerPlan(steps, reasons, null);
    }
}
