package org.redress.app.store.violation;

import org.redress.app.desk.Desk;

/** Crosses the layers on purpose: a store that reaches up to a use case (see AppLayersBiteTest). */
public final class StoreUsingDesk {
    public Object reach(Desk desk) {
        return desk.replies();
    }
}
