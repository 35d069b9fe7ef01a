package io.rmqfleet.controller.playbook.template;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every filter against real Ansible: templating/ansible-filters.json holds {@code {{ expr }}} cases rendered by
 * ansible-core 2.14's own Templar (regenerate with gen_ansible_filters.py beside it); rmqfleet must agree.
 */
class FilterCompatTest {

    private static final Templar T = new Templar();
    private static Map<String, Object> vars;

    @SuppressWarnings("unchecked")
    static Stream<Arguments> cases() throws IOException {
        try (InputStream in = FilterCompatTest.class.getResourceAsStream("/templating/ansible-filters.json")) {
            JsonNode root = new ObjectMapper().readTree(in);
            vars = new ObjectMapper().convertValue(root.get("vars"), Map.class);
            List<Arguments> out = new ArrayList<>();
            for (JsonNode c : root.get("cases")) {
                out.add(Arguments.of(c.get(0).asText(), c.get(1).asText(), c.get(2).asText(), c.get(3).asText()));
            }
            return out.stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void agreesWithAnsible(String expr, String status, String expected, String type) {
        assertThat(status).isEqualTo("OK");
        Object mine = T.template("{{ " + expr + " }}", Vars.of(vars));
        String shown = switch (type) {
            case "list", "dict", "bool" -> PyStr.repr(mine);
            default -> PyStr.output(mine);
        };
        assertThat(shown).isEqualTo(expected);
    }
}
