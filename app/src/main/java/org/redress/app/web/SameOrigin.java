package org.redress.app.web;

import io.javalin.http.Context;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a browser sent a request from another site. Browsers say so: {@code Sec-Fetch-Site} (every current
 * browser), else {@code Origin} on a POST. A request with neither comes from a program (curl, a script), which
 * holds no victim's cookie, and is let through. Cookies are {@code SameSite=Strict} too; this holds where that does
 * not reach (sign-in, which sets the cookie, and older browsers).
 */
final class SameOrigin {

    private SameOrigin() {
    }

    /** Why the request comes from another site, or empty when it comes from this one (or from no browser). */
    static Optional<String> crossSite(Context ctx) {
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null) {
            String s = site.strip().toLowerCase(Locale.ROOT);
            return s.equals("same-origin") || s.equals("none") ? Optional.empty()
                    : Optional.of("the browser says this request came from another site (Sec-Fetch-Site: " + s + ")");
        }
        String origin = ctx.header("Origin");
        if (origin == null) {
            return Optional.empty();
        }
        String host = Optional.ofNullable(ctx.header("X-Forwarded-Host")).orElse(ctx.host());
        try {
            String authority = URI.create(origin.strip()).getAuthority();
            if (authority != null && host != null && authority.equalsIgnoreCase(host.strip())) {
                return Optional.empty();
            }
        } catch (IllegalArgumentException e) {
            // an Origin that is no URL ("null" from a sandboxed frame) is no origin of ours
        }
        return Optional.of("the request came from another site (Origin: " + origin + ")");
    }
}
