package io.rmqfleet.controller.playbook.parse;

import static org.assertj.core.api.Assertions.assertThat;

import io.rmqfleet.controller.playbook.model.Play;
import io.rmqfleet.controller.playbook.model.Playbook;
import io.rmqfleet.controller.playbook.model.Task;
import io.rmqfleet.controller.playbook.model.TaskNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The project's own cluster playbook (playbooks/ at the repository root) must always parse. */
class ProjectPlaybookTest {

    @Test
    void clusterPlaybookParses() {
        Path playbook = Path.of("..", "playbooks", "rocketmq-cluster.yml");
        assertThat(Files.isRegularFile(playbook)).as("run from the controller module: %s", playbook).isTrue();
        Playbook book = new PlaybookParser().parse(playbook);
        assertThat(book.plays()).isNotEmpty();
        List<String> actions = new ArrayList<>();
        for (Play play : book.plays()) {
            assertThat(play.hosts()).isNotEmpty();
            List<TaskNode> all = new ArrayList<>(play.preTasks());
            all.addAll(play.roleTasks());
            all.addAll(play.tasks());
            all.addAll(play.postTasks());
            all.forEach(n -> {
                if (n instanceof Task t) {
                    actions.add(t.action());
                }
            });
        }
        assertThat(actions).isNotEmpty().doesNotContainNull();
    }
}
