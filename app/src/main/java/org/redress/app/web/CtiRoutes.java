package org.redress.app.web;

import static org.redress.app.web.Requests.body;
import static org.redress.app.web.Requests.optionalText;
import static org.redress.app.web.Requests.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.IOException;
import java.time.ZoneOffset;
import java.util.List;
import org.redress.app.desk.Desk;

/**
 * A phone system's CTI events (Zammad's generic CTI shape: newCall, answer, hangup), stamped with the time they
 * arrived when they carry none, and spooled for the phone-log channel that reads them.
 */
final class CtiRoutes {

    private final Desk desk;

    CtiRoutes(Desk desk) {
        this.desk = desk;
    }

    List<Route> routes() {
        return List.of(Route.post("/api/cti", Access.AGENT, this::event));
    }

    private void event(Context ctx) throws IOException {
        if (!desk.callSpool().enabled()) {
            throw new ApiError(422, "CTI events are not enabled: set desk.cti-spool in redress.yaml, and a phone-log channel "
                    + "with format cti reading that file");
        }
        JsonNode body = body(ctx);
        String event = text(body, "event");
        if (!List.of("newCall", "answer", "hangup").contains(event)) {
            throw new ApiError(400, "event: newCall, answer or hangup; got '" + event + "'");
        }
        String direction = text(body, "direction");
        if (!List.of("in", "out").contains(direction)) {
            throw new ApiError(400, "direction: in or out; got '" + direction + "'");
        }
        if (optionalText(body, "callId").or(() -> optionalText(body, "call_id")).isEmpty()) {
            throw new ApiError(400, "callId: required");
        }
        ObjectNode line = ((ObjectNode) body).deepCopy();
        if (optionalText(body, "timestamp").isEmpty()) {
            line.put("timestamp", desk.clock().instant().atOffset(ZoneOffset.UTC).toString());
        }
        desk.callSpool().append(Requests.JSON.writeValueAsString(line));
        ctx.status(202).json(new Responses.CallAccepted(true, line.path("callId").asText(line.path("call_id").asText())));
    }
}
