package io.rmqfleet.controller.playbook.template;

import com.hubspot.jinjava.interpret.Context;
import com.hubspot.jinjava.lib.exptest.ExpTest;
import com.hubspot.jinjava.lib.filter.Filter;

/**
 * The root context of one render: variables come from the {@link RenderSession} (lazily, through jinjava's
 * dynamic variable resolver), and unknown filters or tests are errors instead of jinjava's silent null.
 */
final class StrictContext extends Context {

    private final RenderSession session;

    StrictContext(Context global, RenderSession session) {
        super(global, new java.util.HashMap<>(), null, false);
        this.session = session;
        setDynamicVariableResolver(session::resolve);
        setExpressionStrategy(new PythonOutputStrategy());
    }

    RenderSession session() {
        return session;
    }

    @Override
    public Filter getFilter(String name) {
        Filter f = super.getFilter(name);
        if (f == null) {
            session.fail(new TemplateError("no filter named '" + name + "'", null));
        }
        return f;
    }

    @Override
    public ExpTest getExpTest(String name) {
        ExpTest t = super.getExpTest(name);
        if (t == null) {
            session.fail(new TemplateError("no test named '" + name + "'", null));
        }
        return t;
    }
}
