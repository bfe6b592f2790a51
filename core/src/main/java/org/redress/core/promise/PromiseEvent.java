package org.redress.core.promise;

/** What the promise tracker reports. */
public sealed interface PromiseEvent {

    Promise promise();

    /** The promise falls due within the tracker's window: remind its owner. */
    record DueSoon(Promise promise) implements PromiseEvent {
    }

    /** The promise's time passed while it was open: escalate. */
    record Broken(Promise promise) implements PromiseEvent {
    }
}
