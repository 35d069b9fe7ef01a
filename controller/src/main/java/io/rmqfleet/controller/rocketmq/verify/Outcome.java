package io.rmqfleet.controller.rocketmq.verify;

import java.util.Locale;

/** The result of one verify check. SKIP: it could not run because something it depends on already failed. */
public enum Outcome {
    PASS,
    FAIL,
    SKIP;

    /** "pass", "fail", "skip" in JSON. */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
