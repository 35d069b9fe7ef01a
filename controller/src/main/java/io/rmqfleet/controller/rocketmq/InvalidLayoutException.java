package io.rmqfleet.controller.rocketmq;

import io.rmqfleet.controller.input.InputException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The inventory does not describe a valid RocketMQ cluster. Carries every problem found (not just the first),
 * one line each, so the operator can fix them all in one go; exits 4 like any input error.
 */
public final class InvalidLayoutException extends InputException {
    private final List<LayoutProblem> problems;

    public InvalidLayoutException(List<LayoutProblem> problems) {
        super(first(problems).where(), first(problems).message());
        this.problems = List.copyOf(problems);
    }

    private static LayoutProblem first(List<LayoutProblem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("no problems");
        }
        return problems.get(0);
    }

    public List<LayoutProblem> problems() {
        return problems;
    }

    /** One "file:line: message" line per problem. */
    @Override
    public String describe() {
        return problems.stream().map(LayoutProblem::toString).collect(Collectors.joining("\n"));
    }
}
