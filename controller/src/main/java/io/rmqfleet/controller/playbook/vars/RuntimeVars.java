package io.rmqfleet.controller.playbook.vars;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Variables that appear while a playbook runs, owned by the executor and shared by its threads: gathered facts
 * per host, {@code set_fact} and {@code register} results per host, and the play's current host lists. The
 * {@link VarsResolver} reads them at their Ansible precedence. Survives across plays, like Ansible's facts.
 */
public final class RuntimeVars {

    private final Map<String, Map<String, Object>> facts = new ConcurrentHashMap<>();
    private final Map<String, Map<String, Object>> hostFacts = new ConcurrentHashMap<>();
    private volatile List<String> playHosts;
    private volatile List<String> playBatch;
    private volatile List<String> playHostsAll;

    /**
     * Records gathered facts; keys may carry the {@code ansible_} prefix (setup's output) or not. They become
     * {@code ansible_facts.KEY} and, as Ansible injects them, top-level {@code ansible_KEY}.
     */
    public void addFacts(String host, Map<String, ?> gathered) {
        Map<String, Object> clean = new LinkedHashMap<>();
        gathered.forEach((k, v) -> clean.put(k.startsWith("ansible_") ? k.substring("ansible_".length()) : k, v));
        facts.merge(host, clean, (old, nu) -> {
            Map<String, Object> m = new LinkedHashMap<>(old);
            m.putAll(nu);
            return m;
        });
    }

    /** {@code set_fact} and {@code register}: one variable of one host. */
    public void setHostVar(String host, String name, Object value) {
        hostFacts.compute(host, (h, old) -> {
            Map<String, Object> m = old == null ? new LinkedHashMap<>() : new LinkedHashMap<>(old);
            m.put(name, value);
            return m;
        });
    }

    /** The facts gathered for a host (keys without the ansible_ prefix). */
    public Map<String, Object> facts(String host) {
        return Collections.unmodifiableMap(facts.getOrDefault(host, Map.of()));
    }

    /** set_fact / register results of a host. */
    public Map<String, Object> hostVars(String host) {
        return Collections.unmodifiableMap(hostFacts.getOrDefault(host, Map.of()));
    }

    /** {@code ansible_play_hosts}: hosts of the play still active (the executor drops failed ones). */
    public void setPlayHosts(List<String> hosts) {
        playHosts = List.copyOf(hosts);
    }

    /** {@code ansible_play_batch}: the hosts of the current serial batch still active. */
    public void setPlayBatch(List<String> hosts) {
        playBatch = List.copyOf(hosts);
    }

    /** {@code ansible_play_hosts_all}: every host the play selected. */
    public void setPlayHostsAll(List<String> hosts) {
        playHostsAll = List.copyOf(hosts);
    }

    List<String> playHosts() {
        return playHosts;
    }

    List<String> playBatch() {
        return playBatch;
    }

    List<String> playHostsAll() {
        return playHostsAll;
    }
}
