package io.rmqfleet.controller.executor;

import io.rmqfleet.controller.playbook.template.Templar;
import io.rmqfleet.controller.playbook.template.TemplateError;
import io.rmqfleet.controller.playbook.template.Vars;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A host's variables for connecting to it: its inventory variables with every {@code ansible_*} value templated
 * against the others (so {@code ansible_host: "{{ mgmt_ip }}"} works as in Ansible). A value that cannot be
 * templated is kept as written; the connection attempt then names it.
 */
public final class ConnectionVars implements Function<String, Map<String, ?>> {
    private final Function<String, Map<String, Object>> hostVars;
    private final Templar templar;

    /** @param hostVars a host's inventory variables; empty for a host the inventory does not know */
    public ConnectionVars(Function<String, Map<String, Object>> hostVars, Templar templar) {
        this.hostVars = hostVars;
        this.templar = templar;
    }

    @Override
    public Map<String, ?> apply(String host) {
        Map<String, Object> raw = hostVars.apply(host);
        Map<String, Object> out = new LinkedHashMap<>(raw);
        Map<String, Object> magic = Map.of("inventory_hostname", host);
        Vars vars = Vars.of(raw).with(magic);
        raw.forEach((k, v) -> {
            if (k.startsWith("ansible_") && Templar.containsTemplate(v)) {
                try {
                    out.put(k, templar.template(v, vars));
                } catch (TemplateError e) {
                    // left as written: SshSettings reports the odd value with the host's name
                }
            }
        });
        return out;
    }
}
