package org.redress.app.web;

import io.javalin.http.Handler;

/** One route of the API: the single table that the server mounts, the access check reads and the OpenAPI test walks. */
public record Route(String method, String path, Access access, Handler handler) {

    static Route get(String path, Access access, Handler handler) {
        return new Route("GET", path, access, handler);
    }

    static Route post(String path, Access access, Handler handler) {
        return new Route("POST", path, access, handler);
    }
}
