package org.redress.app.store;

import org.jdbi.v3.core.Handle;

/**
 * One open transaction of the desk's database, handed to the stores that write in it. Use cases pass it along to
 * make several stores' writes one atomic change (a reply, its promises and the message owed to the customer) without
 * ever touching the database themselves: only the stores in this package can reach what is inside.
 */
public final class Tx {

    final Handle handle;

    Tx(Handle handle) {
        this.handle = handle;
    }
}
