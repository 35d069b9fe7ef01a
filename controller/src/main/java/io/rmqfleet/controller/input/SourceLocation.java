package io.rmqfleet.controller.input;

import java.nio.file.Path;

/** Where in the operator's files something was written: shown as {@code file:line:col} in every input error. */
public record SourceLocation(String file, int line, int column) {

    public static SourceLocation of(Path file, int line, int column) {
        return new SourceLocation(file.toString(), line, column);
    }

    /** For input that has no file, such as {@code -e k=v} on the command line. */
    public static SourceLocation commandLine(String what) {
        return new SourceLocation(what, 0, 0);
    }

    @Override
    public String toString() {
        if (line <= 0) {
            return file;
        }
        return column > 0 ? file + ":" + line + ":" + column : file + ":" + line;
    }
}
