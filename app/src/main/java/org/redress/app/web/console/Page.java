package org.redress.app.web.console;

/**
 * What every console page knows: the words, who is signed in (null names on the sign-in page) and what their role
 * lets them open, the session's CSRF token for its forms, the menu entry that is active, a message from the last
 * action, and the page's own path (for the language switch to come back to).
 */
public record Page(Texts t, String username, String displayName, String role, boolean supervisor, boolean admin, String csrf,
                   String active, String flash, String path) {

    public boolean signedIn() {
        return username != null;
    }

    /** The page's path as a query parameter's value (the language switch comes back to it). */
    public String back() {
        return java.net.URLEncoder.encode(path == null ? "/console" : path, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The flash message's words, when the last action left one. */
    public String flashText() {
        return flash == null || flash.isBlank() ? null : t.get("done." + flash);
    }
}
