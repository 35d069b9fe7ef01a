package io.rmqfleet.controller.rocketmq;

/**
 * The login verify uses on a dashboard ({@code dashboard_username} / {@code dashboard_password}). The password
 * never leaves this record: {@link #toString()} masks it.
 */
public record DashboardLogin(String username, String password) {

    @Override
    public String toString() {
        return "DashboardLogin[username=" + username + ", password=***]";
    }
}
