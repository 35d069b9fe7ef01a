package io.rmqfleet.controller.playbook.parse;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Paths of the fixture playbooks under src/test/resources/playbooks. */
public final class Fixtures {

    private Fixtures() {
    }

    public static Path playbook(String relative) {
        try {
            return Path.of(Fixtures.class.getResource("/playbooks/" + relative).toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("fixture not found: " + relative, e);
        }
    }
}
