package io.rmqfleet.controller.http;

import io.rmqfleet.controller.http.auth.BearerToken;
import io.rmqfleet.controller.http.auth.Sessions;
import io.rmqfleet.controller.http.auth.TokenDigest;
import io.vertx.core.Handler;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * Guards the admin API: {@code Authorization: Bearer <admin token>} or the dashboard's session cookie.
 * Anything else fails the request with 401 before the body is read.
 */
public final class AdminAuth implements Handler<RoutingContext> {
    private final TokenDigest adminToken;
    private final Sessions sessions;
    private final java.util.function.Predicate<RoutingContext> open;

    /** @param open requests that need no admin token (they have their own check, or are public) */
    public AdminAuth(TokenDigest adminToken, Sessions sessions, java.util.function.Predicate<RoutingContext> open) {
        this.adminToken = adminToken;
        this.sessions = sessions;
        this.open = open;
    }

    @Override
    public void handle(RoutingContext ctx) {
        if (open.test(ctx) || authorized(ctx)) {
            ctx.next();
        } else {
            ctx.fail(Problem.unauthorized("send the admin token as 'Authorization: Bearer <token>' or log in"));
        }
    }

    public boolean authorized(RoutingContext ctx) {
        String bearer = BearerToken.from(ctx.request());
        if (bearer != null) {
            return adminToken.matches(bearer);
        }
        Cookie session = ctx.request().getCookie(Sessions.COOKIE);
        return session != null && sessions.valid(session.getValue());
    }

    public boolean matchesToken(String token) {
        return adminToken.matches(token);
    }
}
