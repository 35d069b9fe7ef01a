package io.rmqfleet.controller.inventory;

/**
 * A string Ansible must never template: YAML {@code !unsafe "{{ x }}"} or JSON {@code {"__ansible_unsafe": ...}}.
 * It behaves as text everywhere and is written back as {@code {"__ansible_unsafe": "..."}} in JSON like Ansible.
 */
public record UnsafeText(String text) implements CharSequence {
    @Override
    public int length() {
        return text.length();
    }

    @Override
    public char charAt(int index) {
        return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.subSequence(start, end);
    }

    @Override
    public String toString() {
        return text;
    }
}
