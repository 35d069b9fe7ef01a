package io.rmqfleet.controller.http.api;

import io.rmqfleet.controller.http.AdminAuth;
import io.rmqfleet.controller.http.Problem;
import io.rmqfleet.controller.http.Respond;
import io.rmqfleet.controller.http.auth.Sessions;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

/**
 * Dashboard login: {@code POST /api/v1/session} with {@code {"token": "<admin token>"}} sets an HttpOnly,
 * SameSite=Strict session cookie; {@code DELETE} logs out; {@code GET} says whether the caller is logged in.
 */
public final class SessionEndpoint {
    public static final String PATH = "/api/v1/session";
    private final AdminAuth auth;
    private final Sessions sessions;

    public SessionEndpoint(AdminAuth auth, Sessions sessions) {
        this.auth = auth;
        this.sessions = sessions;
    }

    public void addRoutes(Router router) {
        router.post(PATH).handler(BodyHandler.create(false).setBodyLimit(8 * 1024)).handler(this::login);
        router.get(PATH).handler(this::whoami);
        router.delete(PATH).handler(this::logout);
    }

    private void login(RoutingContext ctx) {
        String token;
        try {
            JsonObject body = ctx.body().asJsonObject();
            token = body == null ? null : body.getString("token");
        } catch (DecodeException | ClassCastException e) {
            throw Problem.badRequest("expected {\"token\": \"<admin token>\"}");
        }
        if (token == null || !auth.matchesToken(token)) {
            throw Problem.unauthorized("wrong admin token");
        }
        Cookie cookie = Cookie.cookie(Sessions.COOKIE, sessions.create()).setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT).setPath("/").setMaxAge(sessions.lifetime().toSeconds());
        ctx.response().addCookie(cookie);
        Respond.json(ctx, 200, Respond.object().put("authenticated", true));
    }

    private void whoami(RoutingContext ctx) {
        // Only reached when AdminAuth let the request through.
        Respond.json(ctx, 200, Respond.object().put("authenticated", true));
    }

    private void logout(RoutingContext ctx) {
        Cookie session = ctx.request().getCookie(Sessions.COOKIE);
        if (session != null) {
            sessions.remove(session.getValue());
        }
        ctx.response().addCookie(Cookie.cookie(Sessions.COOKIE, "").setPath("/").setMaxAge(0).setHttpOnly(true)
                .setSameSite(CookieSameSite.STRICT));
        ctx.response().setStatusCode(204).end();
    }
}
