package io.rmqfleet.controller.playbook.template.filters;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import io.rmqfleet.controller.playbook.template.PyStr;
import io.rmqfleet.controller.playbook.template.TemplateError;
import io.rmqfleet.controller.playbook.template.Undefined;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tests ({@code x is ...}): {@code defined}/{@code undefined} that understand rmqfleet's undefined values, and
 * Ansible's result tests ({@code succeeded}, {@code failed}, {@code changed}, {@code skipped}) and regex tests.
 */
final class AnsibleTests {

    /** Tests that may be applied to an undefined value without it being an error. */
    static final Set<String> LOOKS_AT_UNDEFINED = Set.of("defined", "undefined");

    private AnsibleTests() {
    }

    static List<ExpTest> all() {
        return List.of(
            new Test("defined", (v, a) -> !(v instanceof Undefined)),
            new Test("undefined", (v, a) -> v instanceof Undefined),
            result("succeeded", "failed", false), result("success", "failed", false),
            result("failed", "failed", true), result("failure", "failed", true),
            result("changed", "changed", true), result("change", "changed", true),
            result("skipped", "skipped", true), result("skip", "skipped", true),
            new Test("match", (v, a) -> regex(v, a, true)),
            new Test("search", (v, a) -> regex(v, a, false)),
            new Test("regex", (v, a) -> regex(v, a, a.length > 1 && "match".equals(String.valueOf(a[a.length - 1])))),
            new Test("contains", (v, a) -> v instanceof Collection<?> c && c.contains(a[0])
                || v instanceof String s && s.contains(String.valueOf(a[0]))),
            new Test("none", (v, a) -> v == null));
    }

    interface Check {
        boolean test(Object value, Object[] args);
    }

    /** A test; an undefined subject is consumed by defined/undefined and otherwise stays an error. */
    static final class Test implements ExpTest {
        private final String name;
        private final Check check;

        Test(String name, Check check) {
            this.name = name;
            this.check = check;
        }

        @Override
        public String getName() {
            return name;
        }

        @Override
        public boolean evaluate(Object var, JinjavaInterpreter interpreter, Object... args) {
            if (LOOKS_AT_UNDEFINED.contains(name)) {
                Undefined.consume(var, interpreter);
            } else if (var instanceof Undefined) {
                return false;
            }
            return check.test(io.rmqfleet.controller.playbook.template.Natives.plain(var),
                args == null ? new Object[0] : args);
        }
    }

    /** Ansible's task-result tests: the registered result must be a mapping. */
    private static Test result(String name, String key, boolean expected) {
        return new Test(name, (v, a) -> {
            if (!(v instanceof Map<?, ?> m)) {
                throw new TemplateError("The '" + name + "' test expects a dictionary (a registered result), got "
                    + PyStr.repr(v), null);
            }
            boolean flag = io.rmqfleet.controller.playbook.template.Natives.truthy(m.get(key));
            return flag == expected;
        });
    }

    private static boolean regex(Object value, Object[] args, boolean anchored) {
        if (args.length == 0) {
            throw new TemplateError("regex test needs a pattern", null);
        }
        int flags = 0;
        for (int i = 1; i < args.length; i++) {
            if (Boolean.TRUE.equals(args[i])) {
                flags |= i == 1 ? java.util.regex.Pattern.CASE_INSENSITIVE : java.util.regex.Pattern.MULTILINE;
            }
        }
        java.util.regex.Matcher m = PythonRegex.compile(String.valueOf(args[0]), flags).matcher(PyStr.str(value));
        return anchored ? m.lookingAt() : m.find();
    }
}
