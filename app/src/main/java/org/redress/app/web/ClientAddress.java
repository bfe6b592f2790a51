package org.redress.app.web;

import io.javalin.http.Context;
import java.util.List;

/**
 * Who is asking, by address: the peer itself, unless the peer is one of the configured trusted proxies, in which
 * case the last address in {@code X-Forwarded-For} that is not a trusted proxy. A client cannot pick the address it
 * is throttled by, and behind a proxy users are told apart instead of all sharing the proxy's.
 */
final class ClientAddress {

    private ClientAddress() {
    }

    static String of(Context ctx, List<String> trustedProxies) {
        String peer = ctx.req().getRemoteAddr();
        if (!trustedProxies.contains(peer)) {
            return peer;
        }
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded == null || forwarded.isBlank()) {
            return peer;
        }
        String[] hops = forwarded.split(",");
        for (int i = hops.length - 1; i >= 0; i--) {
            String hop = hops[i].strip();
            if (!hop.isEmpty() && !trustedProxies.contains(hop)) {
                return hop.length() > 64 ? hop.substring(0, 64) : hop;
            }
        }
        return peer;
    }

    /** Where customers reach the desk: the configured public address, else the request's own. */
    static String publicBase(Context ctx, org.redress.app.config.DeskConfig.Web web) {
        return web.publicUrl() != null ? web.publicUrl().toString() : ctx.scheme() + "://" + ctx.host();
    }
}
