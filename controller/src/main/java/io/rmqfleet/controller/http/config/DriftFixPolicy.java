package io.rmqfleet.controller.http.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Remediation of drift ({@code drift.fix} in the serve configuration): when {@code fix} is on, a host with a
 * fixable finding gets the cluster playbook re-applied with {@code --limit HOST}.
 *
 * @param fix        re-apply on scheduled checks (on-demand checks may ask for it with {@code {"fix": true}})
 * @param playbook   the playbook to re-apply; null = remediation impossible (fix must then be off)
 * @param extraVars  {@code -e} values for the re-apply ({@code k=v} or {@code @FILE}), e.g. the agent tokens file
 *                   and {@code rmqfleet_controller_url}; files are resolved against the configuration's directory
 * @param cooldown   after a re-apply of a host, no other one for it starts before this much time has passed (its
 *                   agent needs a report or two to show the result)
 */
public record DriftFixPolicy(boolean fix, Path playbook, List<String> extraVars, Duration cooldown) {
    public static final DriftFixPolicy OFF = new DriftFixPolicy(false, null, List.of(), Duration.ofSeconds(60));

    public DriftFixPolicy {
        extraVars = List.copyOf(extraVars);
    }

    public boolean possible() {
        return playbook != null;
    }
}
