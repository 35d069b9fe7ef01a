package io.rmqfleet.controller.playbook.template;

import com.hubspot.jinjava.el.JinjavaELContext;
import com.hubspot.jinjava.el.JinjavaInterpreterResolver;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jinjava.javax.el.ELException;

/**
 * Finds Jinja syntax errors without rendering anything, so a broken template in a playbook is reported when the
 * playbook is read (exit 4) instead of failing a task half-way through a run: unbalanced tags, and expressions
 * in {@code {{ }}}, {@code {% if %}}, {@code {% elif %}} and {@code {% set %}} that do not parse.
 */
public final class TemplateSyntax {

    /** One problem; {@code line} is 1-based within the checked text. */
    public record Problem(int line, String message) {
    }

    private final Templar templar;

    TemplateSyntax(Templar templar) {
        this.templar = templar;
    }

    /** Problems of a template text (an argument, a template file); empty when it parses. */
    public List<Problem> checkTemplate(String text) {
        List<Problem> problems = new ArrayList<>();
        if (!Templar.containsTemplate(text)) {
            return problems;
        }
        String rewritten = TemplateRewriter.rewrite(text);
        JinjavaInterpreter interpreter = templar.interpreter(new RenderSession(templar, Vars.of(Map.of())));
        JinjavaInterpreter.pushCurrent(interpreter);
        try {
            interpreter.parse(rewritten);
            for (com.hubspot.jinjava.interpret.TemplateError e : interpreter.getErrors()) {
                problems.add(new Problem(Math.max(1, e.getLineno()), Templar.clean(e.getMessage())));
            }
            if (!problems.isEmpty()) {
                return problems;
            }
            JinjavaELContext context = new JinjavaELContext(interpreter, new JinjavaInterpreterResolver(interpreter));
            int i = 0;
            while (i < rewritten.length()) {
                int open = next(rewritten, i);
                if (open < 0) {
                    break;
                }
                boolean isVariable = rewritten.startsWith("{{", open);
                String closer = isVariable ? "}}" : "%}";
                int close = TemplateRewriter.closing(rewritten, open + 2, closer);
                if (close < 0) {
                    // Unbalanced brackets inside ({{ f( }}): take the first closer, the parse below says what is wrong.
                    close = rewritten.indexOf(closer, open + 2);
                }
                if (close < 0) {
                    problems.add(new Problem(lineOf(rewritten, open), "unclosed '" + rewritten.substring(open, open + 2)
                        + "'"));
                    break;
                }
                String expression = expressionOf(rewritten.substring(open + 2, close), isVariable);
                if (expression != null) {
                    int line = lineOf(rewritten, open);
                    parse(expression, context).ifPresent(m -> problems.add(new Problem(line, m)));
                }
                i = close + 2;
            }
            return problems;
        } finally {
            JinjavaInterpreter.popCurrent();
        }
    }

    /** A bare expression ({@code when:} and friends): the error message, or empty when it parses. */
    public Optional<String> checkExpression(String expression) {
        JinjavaInterpreter interpreter = templar.interpreter(new RenderSession(templar, Vars.of(Map.of())));
        JinjavaInterpreter.pushCurrent(interpreter);
        try {
            JinjavaELContext context = new JinjavaELContext(interpreter, new JinjavaInterpreterResolver(interpreter));
            return parse(TemplateRewriter.condition(expression), context);
        } finally {
            JinjavaInterpreter.popCurrent();
        }
    }

    private Optional<String> parse(String expression, JinjavaELContext context) {
        try {
            templar.expressionFactory().createValueExpression(context, "#{" + expression + "}", Object.class);
            return Optional.empty();
        } catch (ELException | IllegalArgumentException e) {
            return Optional.of(Templar.clean(e.getMessage()).replace("#{" + expression + "}", expression));
        }
    }

    /** The expression inside {@code {{ }}} or an if/elif/set tag; null for other tags. */
    private static String expressionOf(String inner, boolean isVariable) {
        String body = inner;
        if (body.startsWith("-") || body.startsWith("+")) {
            body = body.substring(1);
        }
        if (body.endsWith("-") || body.endsWith("+")) {
            body = body.substring(0, body.length() - 1);
        }
        body = body.trim();
        if (isVariable) {
            return body.isEmpty() ? null : body;
        }
        if (body.startsWith("if ") || body.startsWith("elif ")) {
            return body.substring(body.indexOf(' ') + 1).trim();
        }
        if (body.startsWith("set ") && body.contains("=")) {
            return body.substring(body.indexOf('=') + 1).trim();
        }
        return null;
    }

    private static int next(String text, int from) {
        int a = text.indexOf("{{", from);
        int b = text.indexOf("{%", from);
        if (a < 0) {
            return b;
        }
        return b < 0 ? a : Math.min(a, b);
    }

    private static int lineOf(String text, int offset) {
        int line = 1;
        for (int i = 0; i < offset; i++) {
            if (text.charAt(i) == '\n') {
                line++;
            }
        }
        return line;
    }
}
