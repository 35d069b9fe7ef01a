package io.rmqfleet.controller.playbook.model;

import java.util.Map;

/**
 * One application of a role in a play ({@code roles: - role: broker, broker_id: 1}): the role plus the parameters
 * given there. Tasks of the role point to it for {@code role_path}, role vars and role params.
 */
public record RoleUse(Role role, Map<String, Object> params) {

    public RoleUse {
        params = ImmutableValues.map(params);
    }

    public String name() {
        return role.name();
    }
}
