package io.rmqfleet.controller.rocketmq.verify;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns exceptions (ours, java.net's, RocketMQ's) into one short line for the report. RocketMQ's messages carry
 * FAQ links and stack-ish noise; the class names say more than they do.
 */
final class Reasons {
    private static final Pattern ADDRESS = Pattern.compile("<([^>]+)>|connect to (\\S+) failed");

    private Reasons() {
    }

    /** Like {@link #describe(Throwable)}, naming {@code address} where RocketMQ's message does not ("null"). */
    static String describe(Throwable t, String address) {
        String reason = describe(t);
        if (reason.endsWith(" to null")) {
            return reason.substring(0, reason.length() - "null".length()) + address;
        }
        if (reason.equals("cannot connect") || reason.equals("no answer in time")) {
            return reason + " to " + address;
        }
        return reason;
    }

    static String describe(Throwable t) {
        if (t == null) {
            return "unknown error";
        }
        if (t instanceof ProbeException) {
            return t.getMessage();
        }
        if (t instanceof ConnectException) {
            return "connection refused";
        }
        if (t instanceof SocketTimeoutException) {
            return "no answer (timed out)";
        }
        if (t instanceof NoRouteToHostException) {
            return "no route to host";
        }
        if (t instanceof UnknownHostException) {
            return "unknown host " + t.getMessage();
        }
        String name = t.getClass().getSimpleName();
        String message = clean(t.getMessage());
        return switch (name) {
            case "RemotingConnectException" -> "cannot connect" + address(message);
            case "RemotingTimeoutException" -> "no answer in time" + address(message);
            case "RemotingSendRequestException" -> "sending the request failed" + address(message);
            case "RemotingTooMuchRequestException" -> "the client is overloaded: " + message;
            case "MQBrokerException", "MQClientException" -> message.isEmpty() ? name : message;
            default -> message.isEmpty() ? name : name + ": " + message;
        };
    }

    /**
     * The address in RocketMQ's remoting messages: "send request to <1.2.3.4:10911> failed", "wait response on the
     * channel <1.2.3.4:9876> timeout, 3000(ms)", "connect to 1.2.3.4:9876 failed".
     */
    private static String address(String message) {
        Matcher m = ADDRESS.matcher(message);
        if (m.find()) {
            return " to " + (m.group(1) != null ? m.group(1) : m.group(2));
        }
        return message.isEmpty() ? "" : " (" + message + ")";
    }

    /** One line, without RocketMQ's "See http://rocketmq.apache.org/docs/faq/ ..." tails. */
    static String clean(String message) {
        if (message == null) {
            return "";
        }
        String text = message.replaceAll("\\s+", " ").trim()
            .replaceAll("\\s*(See https?://|For more information, please visit).*$", "");
        text = text.replaceFirst("^CODE:\\s*\\d+\\s+DESC:\\s*", "");
        return text.length() > 300 ? text.substring(0, 297) + "..." : text;
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }
}
