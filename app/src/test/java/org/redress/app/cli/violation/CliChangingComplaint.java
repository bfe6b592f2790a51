package org.redress.app.cli.violation;

import org.redress.app.store.Complaints;

/** An entry point that changes a complaint past the use cases on purpose (see AppLayersBiteTest). */
public final class CliChangingComplaint {
    public void close(Complaints complaints) {
        complaints.change(1000, 0, c -> { });
    }
}
