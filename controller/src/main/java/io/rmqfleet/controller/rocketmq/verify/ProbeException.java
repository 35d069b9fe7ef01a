package io.rmqfleet.controller.rocketmq.verify;

/** A remote question verify asked could not be answered; the message is the readable reason. */
public class ProbeException extends Exception {
    public ProbeException(String reason) {
        super(reason);
    }

    public ProbeException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
