package org.redress.app.web.violation;

import org.redress.app.store.DeskAudit;
import org.redress.core.staff.Actor;

/** A handler that writes the desk's audit record itself on purpose (see AppLayersBiteTest). */
public final class WebWritingAudit {
    public void handle(DeskAudit audit, Actor by) {
        audit.record(by, DeskAudit.Action.USER_ADD, "someone", "agent");
    }
}
