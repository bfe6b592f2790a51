package org.redress.app.web;

import static org.redress.app.web.Console.secure;
import static org.redress.app.web.Console.texts;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.redress.app.desk.Desk;
import org.redress.app.desk.Staff;
import org.redress.app.store.Users;
import org.redress.app.web.console.Texts;
import org.redress.app.web.console.Views;
import org.redress.core.staff.Role;

/** The console's doors: signing in and out, the language switch, and the pages' own scripts and styles. */
final class SignInPages {

    static final String LOGIN_COOKIE = "redress_login";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Console console;
    private final Desk desk;

    SignInPages(Console console, Desk desk) {
        this.console = console;
        this.desk = desk;
    }

    void register(RoutesConfig routes) {
        routes.get("/", ctx -> ctx.redirect("/console"));
        routes.get("/login", this::loginPage);
        routes.post("/login", this::login);
        routes.post("/logout", this::logout);
        routes.get("/console/lang/{lang}", this::language);
        routes.get("/console/assets/{file}", this::asset);
    }

    private void loginPage(Context ctx) {
        secure(ctx);
        Texts t = texts(ctx);
        if (console.gate().session(ctx).isPresent()) {
            ctx.redirect(safeNext(ctx.queryParam("next")));
            return;
        }
        showLogin(ctx, t, 200, null, "", safeNext(ctx.queryParam("next")));
    }

    private void showLogin(Context ctx, Texts t, int status, String error, String username, String next) {
        // the sign-in form has no session yet: its CSRF token is a random value in a cookie and in the form
        // (double submit), which another site can neither read nor set
        byte[] b = new byte[18];
        RANDOM.nextBytes(b);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
        ctx.header("Set-Cookie", LOGIN_COOKIE + "=" + token + "; Path=/login; HttpOnly; SameSite=Strict; Max-Age=3600");
        console.render(ctx, status, "login.jte", Map.of("page", console.pageOf(ctx, t, null, "login"), "login", new Views.Login(error, username, next, token)));
    }

    private void login(Context ctx) {
        secure(ctx);
        Texts t = texts(ctx);
        String username = Optional.ofNullable(ctx.formParam("username")).orElse("").strip();
        String password = Optional.ofNullable(ctx.formParam("password")).orElse("");
        String next = safeNext(ctx.formParam("next"));
        String token = ctx.formParam("token");
        if (token == null || !token.equals(ctx.cookie(LOGIN_COOKIE)) || SameOrigin.crossSite(ctx).isPresent()) {
            showLogin(ctx, t, 403, t.get("error.csrf"), username, next);
            return;
        }
        Optional<Staff.SignIn> signIn = desk.staff().signIn(username, password, ClientAddress.of(ctx, desk.config().web().trustedProxies()));
        if (signIn.isEmpty()) {
            showLogin(ctx, t, 401, t.get("login.failed"), username, next);
            return;
        }
        if (signIn.get().waitFor().isPresent()) {
            ctx.header("Retry-After", String.valueOf(signIn.get().waitFor().get().toSeconds()));
            showLogin(ctx, t, 429, t.get("login.limited"), username, next);
            return;
        }
        Users.Session session = signIn.get().session();
        ctx.header("Set-Cookie", Gate.sessionCookie(ctx, session.id()));
        ctx.redirect(session.user().role() == Role.ADMIN && next.equals("/console") ? "/console/admin" : next);
    }

    /** Only a path of this desk, so a link cannot send a signed-in agent to another site. */
    private static String safeNext(String next) {
        return next != null && next.startsWith("/console") && !next.startsWith("//") && !next.contains("\\") ? next : "/console";
    }

    private void logout(Context ctx) {
        secure(ctx);
        Optional<Users.Session> session = console.gate().session(ctx);
        if (session.isPresent()) {
            if (!session.get().csrf().equals(ctx.formParam("csrf"))) {
                console.problem(ctx, texts(ctx), new Console.Visitor(session.get(), texts(ctx)), 403, texts(ctx).get("error.csrf"), "/console");
                return;
            }
            desk.staff().signOut(session.get());
        }
        ctx.header("Set-Cookie", Gate.endedSessionCookie(ctx));
        ctx.redirect("/login");
    }

    private void language(Context ctx) {
        String lang = ctx.pathParam("lang");
        if (Texts.LANGUAGES.contains(lang)) {
            ctx.header("Set-Cookie", Console.LANG_COOKIE + "=" + lang + "; Path=/; SameSite=Strict; Max-Age=31536000");
        }
        String back = ctx.queryParam("back");
        ctx.redirect(back != null && (back.startsWith("/console") || back.startsWith("/login")) && !back.startsWith("//") ? back : "/console");
    }

    private void asset(Context ctx) throws IOException {
        String file = ctx.pathParam("file");
        String type = file.endsWith(".css") ? "text/css; charset=utf-8" : file.endsWith(".js") ? "text/javascript; charset=utf-8" : null;
        InputStream in = type == null || !file.matches("[a-z-]+\\.(css|js)") ? null : SignInPages.class.getResourceAsStream("/console/" + file);
        if (in == null) {
            ctx.status(404).contentType("text/plain").result("no such asset: " + file);
            return;
        }
        try (in) {
            ctx.header("X-Content-Type-Options", "nosniff");
            ctx.header("Cache-Control", "max-age=300");
            ctx.contentType(type).result(in.readAllBytes());
        }
    }
}
