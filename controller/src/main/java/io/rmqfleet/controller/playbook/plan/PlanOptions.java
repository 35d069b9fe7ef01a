package io.rmqfleet.controller.playbook.plan;

import io.rmqfleet.controller.playbook.model.ImmutableValues;
import java.util.Map;

/**
 * What the command line adds to a playbook: extra vars ({@code -e}), {@code --limit} (null for none),
 * {@code --tags}/{@code --skip-tags} and {@code --check}.
 */
public record PlanOptions(Map<String, Object> extraVars, String limit, TagSelection tags, boolean checkMode) {

    public static final PlanOptions DEFAULTS = new PlanOptions(Map.of(), null, TagSelection.ALL, false);

    public PlanOptions {
        extraVars = ImmutableValues.map(extraVars);
        tags = tags == null ? TagSelection.ALL : tags;
    }
}
