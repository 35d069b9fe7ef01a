package io.rmqfleet.controller.playbook.yaml;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import io.rmqfleet.controller.input.InputException;
import io.rmqfleet.controller.input.SourceLocation;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/** Turns Jackson/SnakeYAML's multi-line messages into one {@code file:line:col: message} line. */
final class YamlErrors {

    private YamlErrors() {
    }

    static InputException translate(String source, JsonProcessingException e) {
        Throwable cause = e;
        while (cause != null && !(cause instanceof MarkedYAMLException)) {
            cause = cause.getCause();
        }
        if (cause instanceof MarkedYAMLException marked) {
            Mark mark = marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
            String problem = marked.getProblem() != null ? marked.getProblem() : marked.getContext();
            StringBuilder message = new StringBuilder("YAML syntax error: ").append(oneLine(problem));
            if (marked.getContext() != null && marked.getProblem() != null) {
                message.append(" (").append(oneLine(marked.getContext())).append(")");
            }
            SourceLocation at = mark == null
                ? new SourceLocation(source, 1, 1)
                : new SourceLocation(source, mark.getLine() + 1, mark.getColumn() + 1);
            return new InputException(at, message.toString(), e);
        }
        JsonLocation loc = e.getLocation();
        SourceLocation at = loc == null
            ? new SourceLocation(source, 1, 1)
            : new SourceLocation(source, Math.max(1, loc.getLineNr()), Math.max(1, loc.getColumnNr()));
        return new InputException(at, "YAML syntax error: " + simplify(firstLine(e.getOriginalMessage())), e);
    }

    /** Jackson's own wording leaks SnakeYAML event class names; say what the operator wrote instead. */
    private static String simplify(String message) {
        if (message.startsWith("Expected a field name")) {
            return "mapping keys must be plain scalars (found a list or mapping used as a key)";
        }
        return message;
    }

    static String firstLine(String text) {
        if (text == null) {
            return "";
        }
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl);
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replace('\n', ' ').replaceAll("\\s+", " ").trim();
    }
}
