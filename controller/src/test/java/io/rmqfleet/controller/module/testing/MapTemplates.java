package io.rmqfleet.controller.module.testing;

import io.rmqfleet.controller.module.TemplateRenderer;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A tiny stand-in for the playbook's Jinja engine in module tests: replaces {@code {{ name }}} with variables,
 * evaluates a variable name, and conditions of the forms {@code name}, {@code not name},
 * {@code name == 'literal'} and {@code name != 'literal'}.
 */
public final class MapTemplates implements TemplateRenderer {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}}");
    private static final Pattern COMPARISON = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*(==|!=)\\s*'([^']*)'");
    private final Map<String, Object> vars;

    public MapTemplates(Map<String, Object> vars) {
        this.vars = vars;
    }

    @Override
    public String render(String template) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(sb, Matcher.quoteReplacement(String.valueOf(lookup(m.group(1)))));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    @Override
    public Object evaluate(String expression) {
        return lookup(expression.trim());
    }

    @Override
    public boolean isTrue(String condition) {
        String c = condition.trim();
        Matcher m = COMPARISON.matcher(c);
        if (m.matches()) {
            boolean equal = String.valueOf(lookup(m.group(1))).equals(m.group(3));
            return m.group(2).equals("==") == equal;
        }
        if (c.startsWith("not ")) {
            return !isTrue(c.substring(4));
        }
        Object v = lookup(c);
        return v instanceof Boolean b ? b : v != null && !v.toString().isEmpty();
    }

    private Object lookup(String name) {
        if (!vars.containsKey(name)) {
            throw new IllegalArgumentException("'" + name + "' is undefined");
        }
        return vars.get(name);
    }
}
