package io.rmqfleet.controller.playbook.model;

/**
 * {@code loop:} / {@code with_items:} with {@code loop_control}. {@code items} is the raw value: a list (whose
 * elements may hold templates) or a template string that must render to a list.
 *
 * @param flatten true for {@code with_items}, which flattens one level of nested lists like Ansible does
 */
public record Loop(Object items, boolean flatten, String loopVar, String indexVar, String label) {

    public static final String DEFAULT_LOOP_VAR = "item";
}
