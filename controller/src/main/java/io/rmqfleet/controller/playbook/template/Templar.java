package io.rmqfleet.controller.playbook.template;

import com.hubspot.jinjava.Jinjava;
import com.hubspot.jinjava.JinjavaConfig;
import com.hubspot.jinjava.LegacyOverrides;
import com.hubspot.jinjava.interpret.InterpretException;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import io.rmqfleet.controller.playbook.template.filters.AnsibleFilters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Ansible-compatible templating on jinjava: {@code {{ }}} in arguments and template files, bare expressions for
 * conditions, Ansible's filters and tests, StrictUndefined (an undefined variable is a {@link TemplateError}
 * naming it), lazy templating of variables, and native types: a value that is exactly one {@code {{ expr }}}
 * keeps the expression's type (list, dict, int, bool). Thread-safe; one instance serves all hosts.
 */
public final class Templar {

    /** What {@code omit} renders to; mapping entries with this value are dropped (module args). */
    public static final String OMIT = "__omit_place_holder__rmqfleet";

    private static final Templar SHARED = new Templar();

    /** jinjava and its configuration, built on first use (about a second of class loading, once per JVM). */
    private record Engine(Jinjava jinjava, JinjavaConfig config) {
    }

    private volatile Engine engine;

    /** The process-wide instance; cheap until something is actually templated. */
    public static Templar shared() {
        return SHARED;
    }

    /** Starts building the engine on a daemon thread, so its start-up overlaps with reading files. */
    public Templar warmUpInBackground() {
        if (engine == null) {
            Thread t = new Thread(this::engine, "templar-warm-up");
            t.setDaemon(true);
            t.start();
        }
        return this;
    }

    /** Whether jinjava has been started (simple templates never need it). */
    boolean engineStarted() {
        return engine != null;
    }

    private Engine engine() {
        Engine e = engine;
        if (e == null) {
            synchronized (this) {
                e = engine;
                if (e == null) {
                    e = buildEngine();
                    engine = e;
                }
            }
        }
        return e;
    }

    private static Engine buildEngine() {
        LegacyOverrides jinja2 = LegacyOverrides.newBuilder()
            .withEvaluateMapKeys(true)
            .withIterateOverMapKeys(true)
            .withUseNaturalOperatorPrecedence(true)
            .withParseWhitespaceControlStrictly(true)
            .withKeepNullableLoopValues(true)
            .build();
        JinjavaConfig config = JinjavaConfig.newBuilder()
            .withLegacyOverrides(jinja2)
            .withTrimBlocks(true)
            .withLstripBlocks(false)
            .withFailOnUnknownTokens(false)
            .withNestedInterpretationEnabled(false)
            .withElResolver(new StrictElResolver())
            .withMaxOutputSize(64L * 1024 * 1024)
            .build();
        Jinjava jinjava = new Jinjava(config);
        AnsibleFilters.register(jinjava.getGlobalContext());
        return new Engine(jinjava, config);
    }

    /** True if a raw value (string, or list/map containing one) holds a template marker. */
    public static boolean containsTemplate(Object raw) {
        if (raw instanceof Lazy) {
            return false;
        }
        if (raw instanceof String s) {
            return s.contains("{{") || s.contains("{%") || s.contains("{#");
        }
        if (raw instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (containsTemplate(e.getValue()) || containsTemplate(e.getKey())) {
                    return true;
                }
            }
            return false;
        }
        if (raw instanceof List<?> l) {
            for (Object o : l) {
                if (containsTemplate(o)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Templates a value deeply: strings are rendered (a lone {@code {{ expr }}} keeps its native type), lists
     * and maps are rebuilt, map entries that render to {@code omit} are dropped.
     */
    public Object template(Object value, Vars vars) {
        if (!containsTemplate(value)) {
            return value;
        }
        RenderSession session = new RenderSession(this, vars);
        Object result = templateIn(value, session);
        session.check();
        return result;
    }

    /** Renders a template file's text; always a string. Ansible keeps the file's trailing newline. */
    public String render(String text, Vars vars) {
        RenderSession session = new RenderSession(this, vars);
        String out = renderIn(text, session);
        session.check();
        return out;
    }

    /** A bare expression ({@code when:}, {@code changed_when:}, ...) as a native value. */
    public Object evaluate(String expression, Vars vars) {
        RenderSession session = new RenderSession(this, vars);
        Object value = evaluateIn(TemplateRewriter.condition(expression), session);
        session.check();
        return value;
    }

    /** A bare expression's truth, with Python truthiness. */
    public boolean condition(String expression, Vars vars) {
        return Natives.truthy(evaluate(expression, vars));
    }

    /** All conditions must hold (a {@code when:} list); an empty list holds. */
    public boolean allConditions(List<String> expressions, Vars vars) {
        for (String e : expressions) {
            if (!condition(e, vars)) {
                return false;
            }
        }
        return true;
    }

    Object templateIn(Object value, RenderSession session) {
        if (value instanceof Lazy) {
            return value;
        }
        if (value instanceof String s) {
            return templateString(s, session);
        }
        if (value instanceof Map<?, ?> m) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Object v = templateIn(e.getValue(), session);
                if (OMIT.equals(v)) {
                    continue;
                }
                Object k = e.getKey() instanceof String ks ? templateString(ks, session) : e.getKey();
                out.put(k instanceof String || k == null ? k : PyStr.str(k), v);
            }
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>(l.size());
            for (Object o : l) {
                out.add(templateIn(o, session));
            }
            return out;
        }
        return value;
    }

    private Object templateString(String s, RenderSession session) {
        if (!containsTemplate(s)) {
            return s;
        }
        String expr = singleExpression(s);
        if (expr != null) {
            return evaluateIn(TemplateRewriter.expression(expr), session);
        }
        return renderIn(s, session);
    }

    /** The expression if {@code s} is exactly one {@code {{ expr }}}, else null. */
    static String singleExpression(String s) {
        if (!s.startsWith("{{") || !s.endsWith("}}") || s.length() < 4
            || TemplateRewriter.closing(s, 2, "}}") != s.length() - 2) {
            return null;
        }
        String inner = s.substring(2, s.length() - 2);
        if (inner.startsWith("-")) {
            inner = inner.substring(1);
        }
        if (inner.endsWith("-")) {
            inner = inner.substring(0, inner.length() - 1);
        }
        return inner.isBlank() ? null : inner.trim();
    }

    Object evaluateIn(String expression, RenderSession session) {
        Object simple = SimpleExpressions.evaluate(expression, session);
        if (simple != SimpleExpressions.NOT_SIMPLE) {
            return simple instanceof Undefined ? simple : Natives.plain(simple);
        }
        JinjavaInterpreter interpreter = interpreter(session);
        JinjavaInterpreter.pushCurrent(interpreter);
        try {
            Object value = interpreter.resolveELExpression(expression, 1);
            collectErrors(interpreter, session);
            return Natives.plain(value);
        } catch (InterpretException | IllegalArgumentException | IllegalStateException e) {
            session.fail(fromException(e));
            return null;
        } finally {
            JinjavaInterpreter.popCurrent();
        }
    }

    String renderIn(String text, RenderSession session) {
        String simple = SimpleExpressions.render(text, session);
        if (simple != null) {
            return simple;
        }
        JinjavaInterpreter interpreter = interpreter(session);
        JinjavaInterpreter.pushCurrent(interpreter);
        try {
            String out = interpreter.render(TemplateRewriter.rewrite(text));
            collectErrors(interpreter, session);
            return out;
        } catch (InterpretException | IllegalArgumentException | IllegalStateException e) {
            session.fail(fromException(e));
            return "";
        } finally {
            JinjavaInterpreter.popCurrent();
        }
    }

    /** Syntax checks without rendering (starts the engine). */
    public TemplateSyntax syntax() {
        return new TemplateSyntax(this);
    }

    jinjava.javax.el.ExpressionFactory expressionFactory() {
        return engine().jinjava().getExpressionFactory();
    }

    JinjavaInterpreter interpreter(RenderSession session) {
        Engine e = engine();
        StrictContext context = new StrictContext(e.jinjava().getGlobalContext(), session);
        return new JinjavaInterpreter(e.jinjava(), context, e.config());
    }

    private static void collectErrors(JinjavaInterpreter interpreter, RenderSession session) {
        for (com.hubspot.jinjava.interpret.TemplateError e : interpreter.getErrors()) {
            TemplateError ours = unwrap(e.getException());
            session.fail(ours != null ? ours : new TemplateError(clean(e.getMessage()), null));
        }
    }

    private static TemplateError fromException(Exception e) {
        TemplateError ours = unwrap(e);
        return ours != null ? ours : new TemplateError(clean(String.valueOf(e.getMessage())), null, e);
    }

    private static TemplateError unwrap(Throwable t) {
        while (t != null) {
            if (t instanceof TemplateError te) {
                return te;
            }
            t = t.getCause();
        }
        return null;
    }

    /** jinjava prefixes messages with exception class names; the operator needs only the reason. */
    static String clean(String message) {
        String m = message == null ? "template error" : message;
        m = m.replaceFirst("^[A-Za-z]+Exception: ", "");
        m = m.replaceAll("\\s+", " ").trim();
        return m;
    }
}
