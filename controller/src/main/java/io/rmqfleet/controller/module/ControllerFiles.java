package io.rmqfleet.controller.module;

import java.nio.file.Path;

/**
 * Finds the controller-side files a task names in {@code src:}: a role's {@code files/} and {@code templates/}
 * directories first, then beside the playbook, as Ansible searches them.
 */
public interface ControllerFiles {

    /** A file for {@code copy}; throws {@link ModuleFailure} listing the places searched when it is not found. */
    Path file(String src);

    /** A template for {@code template}; throws {@link ModuleFailure} listing the places searched. */
    Path template(String src);
}
