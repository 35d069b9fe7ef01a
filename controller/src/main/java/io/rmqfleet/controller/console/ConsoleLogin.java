package io.rmqfleet.controller.console;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.rmqfleet.controller.http.auth.Sessions;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Login like the official rocketmq-dashboard's (LoginController, AuthInterceptor): {@code POST /login/login.do}
 * with {@code username} and {@code password} (form fields as in dashboard 2.0, or a JSON body as in newer ones)
 * starts a session in the {@value #COOKIE} cookie; {@code GET /login/check.query} says whether login is required
 * and done; without a session every API path answers 302 to {@code /#/login?redirect=URL}, as the official
 * interceptor does. Without a users file login is off and the guard lets everything through.
 */
final class ConsoleLogin {
    static final String COOKIE = "JSESSIONID";
    static final String BAD_LOGIN = "Bad username or password!";
    private final UsersFile users;
    private final Sessions sessions;

    /** users: null when login is off. */
    ConsoleLogin(UsersFile users, Sessions sessions) {
        this.users = users;
        this.sessions = sessions;
    }

    boolean required() {
        return users != null;
    }

    void addRoutes(Router router) {
        router.get("/login/check.query").handler(this::check);
        router.post("/login/login.do").handler(BodyHandler.create(false).setBodyLimit(8 * 1024)).handler(this::login);
        router.post("/login/logout.do").handler(this::logout);
    }

    /** Lets the request through when login is off or the session is valid, else redirects like the official one. */
    void guard(RoutingContext ctx) {
        if (!required() || loggedIn(ctx)) {
            ctx.next();
            return;
        }
        String url = ctx.request().absoluteURI();
        ctx.response().setStatusCode(302)
            .putHeader("Location", "/#/login?redirect=" + URLEncoder.encode(url, StandardCharsets.UTF_8))
            .putHeader("Cache-Control", "no-store").end();
    }

    private boolean loggedIn(RoutingContext ctx) {
        Cookie cookie = ctx.request().getCookie(COOKIE);
        return cookie != null && sessions.valid(cookie.getValue());
    }

    private void check(RoutingContext ctx) {
        ObjectNode info = JsonNodeFactory.instance.objectNode();
        info.put("logined", required() && loggedIn(ctx));
        info.put("loginRequired", required());
        Replies.send(ctx, 200, Replies.ok(info));
    }

    private void login(RoutingContext ctx) {
        if (!required()) {
            Replies.send(ctx, 200, Replies.error("login is not enabled on this console (no --users-file)"));
            return;
        }
        Credentials given = credentials(ctx);
        Optional<ConsoleUser> user = users.authenticate(given.username(), given.password());
        if (user.isEmpty()) {
            Replies.send(ctx, 200, Replies.error(BAD_LOGIN));
            return;
        }
        ctx.response().addCookie(Cookie.cookie(COOKIE, sessions.create()).setHttpOnly(true).setPath("/")
            .setSameSite(CookieSameSite.LAX).setMaxAge(sessions.lifetime().toSeconds()));
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        result.put("loginUserName", user.get().name());
        result.put("loginUserRole", user.get().role());
        result.put("contextPath", "/");
        Replies.send(ctx, 200, Replies.ok(result));
    }

    private void logout(RoutingContext ctx) {
        Cookie cookie = ctx.request().getCookie(COOKIE);
        if (cookie != null) {
            sessions.remove(cookie.getValue());
        }
        ctx.response().addCookie(Cookie.cookie(COOKIE, "").setPath("/").setMaxAge(0).setHttpOnly(true));
        Replies.send(ctx, 200, Replies.ok(JsonNodeFactory.instance.textNode("/")));
    }

    private record Credentials(String username, String password) {
    }

    private static Credentials credentials(RoutingContext ctx) {
        String type = String.valueOf(ctx.request().getHeader("Content-Type"));
        if (type.startsWith("application/json")) {
            try {
                JsonObject body = ctx.body().asJsonObject();
                if (body != null) {
                    return new Credentials(string(body.getValue("username")), string(body.getValue("password")));
                }
            } catch (DecodeException | ClassCastException e) {
                return new Credentials(null, null);
            }
        }
        // Form body or query parameters: @RequestParam of dashboard 2.0 accepts both.
        return new Credentials(ctx.request().getParam("username"), ctx.request().getParam("password"));
    }

    private static String string(Object value) {
        return value instanceof String s ? s : null;
    }
}
