package org.redress.app.web.violation;

import org.redress.app.desk.Desk;
import org.redress.app.store.Complaints;

/** A web class that hands the desk's services to others on purpose, as a service locator (see AppLayersBiteTest). */
public final class WebHandingOutStores {
    private final Desk desk;

    public WebHandingOutStores(Desk desk) {
        this.desk = desk;
    }

    public Complaints complaints() {
        return desk.complaints();
    }
}
