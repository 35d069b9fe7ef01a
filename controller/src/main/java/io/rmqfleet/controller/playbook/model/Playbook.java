package io.rmqfleet.controller.playbook.model;

import java.nio.file.Path;
import java.util.List;

/** A parsed playbook: its plays in order, with {@code import_playbook} already expanded in place. */
public record Playbook(Path path, List<Play> plays) {

    public Playbook {
        plays = List.copyOf(plays);
    }
}
