package io.rmqfleet.controller.playbook.plan;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Tag selection agrees with Ansible's Taggable.evaluate_tags on 900 generated cases (tag-cases.json). */
class TagSelectionTest {

    @Test
    void agreesWithAnsibleOnEveryCase() throws IOException {
        JsonNode cases;
        try (InputStream in = getClass().getResourceAsStream("/playbooks/tag-cases.json")) {
            cases = new ObjectMapper().readTree(in);
        }
        assertThat(cases.size()).isEqualTo(900);
        int checked = 0;
        for (JsonNode c : cases) {
            TagSelection selection = new TagSelection(set(c.get("tags")), set(c.get("skip")));
            assertThat(selection.selects(set(c.get("task"))))
                .as("task %s with --tags %s --skip-tags %s", c.get("task"), c.get("tags"), c.get("skip"))
                .isEqualTo(c.get("runs").asBoolean());
            checked++;
        }
        assertThat(checked).isEqualTo(900);
    }

    @Test
    void defaultsSelectEverythingButNever() {
        assertThat(TagSelection.ALL.selects(Set.of())).isTrue();
        assertThat(TagSelection.ALL.selects(Set.of("x"))).isTrue();
        assertThat(TagSelection.ALL.selects(Set.of("never"))).isFalse();
        assertThat(TagSelection.ALL.selects(Set.of("never", "debug"))).isFalse();
        assertThat(new TagSelection(Set.of("debug"), Set.of()).selects(Set.of("never", "debug"))).isTrue();
        assertThat(new TagSelection(Set.of("x"), Set.of()).selects(Set.of("always"))).isTrue();
        assertThat(new TagSelection(Set.of("x"), Set.of("always")).selects(Set.of("always"))).isFalse();
    }

    private static Set<String> set(JsonNode array) {
        Set<String> s = new LinkedHashSet<>();
        array.forEach(n -> s.add(n.asText()));
        return s;
    }
}
