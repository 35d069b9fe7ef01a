package io.rmqfleet.controller.rocketmq.verify;

import java.util.Optional;

/** The answer to one remote question, or the readable reason there is none. */
public record Attempt<T>(T value, String error) {

    public static <T> Attempt<T> ok(T value) {
        return new Attempt<>(value, null);
    }

    public static <T> Attempt<T> failed(String error) {
        return new Attempt<>(null, error);
    }

    public boolean ok() {
        return error == null;
    }

    public Optional<T> asOptional() {
        return Optional.ofNullable(value);
    }
}
