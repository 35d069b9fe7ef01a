package io.rmqfleet.controller.module;

/** A task argument is missing, unknown, of the wrong type or not one of the allowed choices. */
public class ModuleArgumentException extends ModuleFailure {
    public ModuleArgumentException(String message) {
        super(message);
    }
}
