package io.rmqfleet.controller.playbook.vars;

import io.rmqfleet.controller.playbook.model.ImmutableValues;
import io.rmqfleet.controller.playbook.model.Role;
import io.rmqfleet.controller.playbook.model.RoleUse;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The play-wide variable sources, fixed once the play is planned: play vars, vars_files, the defaults and vars of
 * every role the play applies (Ansible exposes them play-wide unless private_role_vars), and extra vars.
 */
public record PlayVars(
    Map<String, Object> playVars,
    Map<String, Object> varsFiles,
    Map<String, Object> allRoleDefaults,
    Map<String, Object> allRoleVars,
    Map<String, Object> extraVars,
    Path playbookDir) {

    public PlayVars {
        playVars = ImmutableValues.map(playVars);
        varsFiles = ImmutableValues.map(varsFiles);
        allRoleDefaults = ImmutableValues.map(allRoleDefaults);
        allRoleVars = ImmutableValues.map(allRoleVars);
        extraVars = ImmutableValues.map(extraVars);
    }

    /** Merges the roles' defaults and vars in the order the play applies them (later roles win). */
    public static PlayVars of(Map<String, Object> playVars, Map<String, Object> varsFiles, List<RoleUse> roles,
                              Map<String, Object> extraVars, Path playbookDir) {
        Map<String, Object> defaults = new LinkedHashMap<>();
        Map<String, Object> vars = new LinkedHashMap<>();
        for (RoleUse use : roles) {
            Role r = use.role();
            defaults.putAll(r.defaults());
            vars.putAll(r.vars());
        }
        return new PlayVars(playVars, varsFiles, defaults, vars, extraVars, playbookDir);
    }
}
