package io.rmqfleet.controller.state.layout;

import java.util.Locale;

/** What an expected container is for. */
public enum ContainerRole {
    NAMESRV, BROKER, DASHBOARD, AGENT;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
