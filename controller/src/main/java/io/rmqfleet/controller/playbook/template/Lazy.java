package io.rmqfleet.controller.playbook.template;

/**
 * Marks a value computed on demand (such as {@code hostvars}): the templater never walks into it looking for
 * templates or copies it, since its entries are rendered when read and walking it would build every host's vars.
 */
public interface Lazy {
}
