package org.redress.app.config.violation;

import org.redress.app.desk.Desk;

/** With Desk (which reads the configuration) this makes a cycle between two packages of app on purpose. */
public final class ConfigUsingDesk {
    public Object reach(Desk desk) {
        return desk.config();
    }
}
