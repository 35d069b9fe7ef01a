package io.rmqfleet.controller.playbook.model;

/** Well-known keys inside {@link Task#args()}. */
public final class ArgsKeys {

    /** Free-form text of {@code command}, {@code shell} and {@code meta} (Ansible's {@code _raw_params}). */
    public static final String RAW_PARAMS = "_raw_params";

    /** The file of {@code include_tasks} / {@code import_tasks}. */
    public static final String FILE = "file";

    private ArgsKeys() {
    }
}
