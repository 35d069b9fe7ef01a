package io.rmqfleet.controller.http;

/**
 * An HTTP error meant for the client, rendered by {@link ProblemHandler} as {@code application/problem+json}
 * (RFC 9457): {@code type}, {@code title}, {@code status}, {@code detail}.
 */
public final class Problem extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final String title;

    public Problem(int status, String title, String detail) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
    }

    public static Problem badRequest(String detail) {
        return new Problem(400, "Bad Request", detail);
    }

    public static Problem unauthorized(String detail) {
        return new Problem(401, "Unauthorized", detail);
    }

    public static Problem notFound(String detail) {
        return new Problem(404, "Not Found", detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return getMessage();
    }
}
