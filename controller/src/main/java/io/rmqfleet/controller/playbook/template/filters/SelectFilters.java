package io.rmqfleet.controller.playbook.template.filters;

import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.lib.filter.Filter;
import io.rmqfleet.controller.playbook.template.Natives;
import io.rmqfleet.controller.playbook.template.TemplateError;
import io.rmqfleet.controller.playbook.template.Undefined;
import java.util.ArrayList;
import java.util.List;

/** {@code select}, {@code reject}, {@code selectattr}, {@code rejectattr} with Jinja2's semantics. */
final class SelectFilters {

    private SelectFilters() {
    }

    static List<Filter> all() {
        return List.of(new Select("select", false, true), new Select("reject", false, false),
            new Select("selectattr", true, true), new Select("rejectattr", true, false));
    }

    static final class Select extends AnsibleFilter {
        private final boolean byAttribute;
        private final boolean keep;

        Select(String name, boolean byAttribute, boolean keep) {
            super(name);
            this.byAttribute = byAttribute;
            this.keep = keep;
        }

        @Override
        protected Object apply(Object value, Args args, JinjavaInterpreter interpreter) {
            int next = 0;
            String attribute = null;
            if (byAttribute) {
                if (args.size() == 0) {
                    throw misuse("needs an attribute name");
                }
                attribute = String.valueOf(args.get(0, null, null));
                next = 1;
            }
            String testName = args.size() > next ? String.valueOf(args.get(next, null, null)) : null;
            Object[] testArgs = args.positionalFrom(next + 1);
            ExpTest test = null;
            if (testName != null) {
                test = interpreter.getContext().getExpTest(testName);
                if (test == null) {
                    throw new TemplateError("no test named '" + testName + "'", null);
                }
            }
            List<Object> out = new ArrayList<>();
            for (Object item : Values.iterate(value, getName())) {
                Object subject = item;
                if (attribute != null) {
                    subject = Values.attribute(item, attribute);
                    if (subject == Values.MISSING) {
                        if (!AnsibleTests.LOOKS_AT_UNDEFINED.contains(testName)) {
                            throw new TemplateError("'dict object' has no attribute '" + attribute + "'", attribute);
                        }
                        subject = Undefined.detached(attribute);
                    }
                }
                boolean passes = test == null ? Natives.truthy(subject) : test.evaluate(subject, interpreter, testArgs);
                if (passes == keep) {
                    out.add(item);
                }
            }
            return out;
        }
    }
}
