package org.redress.core.channel.testkit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.redress.core.channel.Batch;
import org.redress.core.channel.Checkpoint;
import org.redress.core.channel.Inbound;
import org.redress.core.channel.InboundMessage;
import org.redress.core.channel.Quarantined;
import org.redress.core.intake.InboundStore;
import org.redress.core.intake.IntakeCounts;

/**
 * The desk's side of intake in memory, for a plugin author's own tests: hand it to an
 * {@link org.redress.core.intake.IntakeRunner} and drain a channel into it as the desk would. It dedupes on
 * (instance, external id), keeps checkpoints, and records every batch in order, so a test can check what the
 * channel delivered and that it committed nothing the desk had not stored.
 */
public final class RecordingSink implements InboundStore {

    private final Map<String, Checkpoint> checkpoints = new HashMap<>();
    private final Map<String, Inbound> items = new LinkedHashMap<>();
    private final List<Checkpoint> storedCheckpoints = new ArrayList<>();
    private final List<Batch> batches = new ArrayList<>();

    @Override
    public synchronized Checkpoint checkpoint(String instance) {
        return checkpoints.getOrDefault(instance, Checkpoint.START);
    }

    @Override
    public synchronized IntakeCounts store(String instance, Batch batch) {
        long stored = 0;
        long duplicates = 0;
        long quarantined = 0;
        for (Inbound item : batch.items()) {
            String key = instance + "\u0000" + item.externalId();
            if (items.containsKey(key)) {
                duplicates++;
            } else {
                items.put(key, item);
                if (item instanceof Quarantined) {
                    quarantined++;
                } else {
                    stored++;
                }
            }
        }
        checkpoints.put(instance, batch.next());
        storedCheckpoints.add(batch.next());
        batches.add(batch);
        return new IntakeCounts(batch.items().size(), stored, duplicates, quarantined);
    }

    /** Every message stored, first come first. */
    public synchronized List<InboundMessage> messages() {
        return items.values().stream().filter(InboundMessage.class::isInstance).map(InboundMessage.class::cast).toList();
    }

    /** Every quarantined item stored, first come first. */
    public synchronized List<Quarantined> quarantined() {
        return items.values().stream().filter(Quarantined.class::isInstance).map(Quarantined.class::cast).toList();
    }

    /** Every batch handed to the store, in order, duplicates included. */
    public synchronized List<Batch> batches() {
        return List.copyOf(batches);
    }

    /** Every checkpoint the store has made durable, in order. */
    public synchronized List<Checkpoint> storedCheckpoints() {
        return List.copyOf(storedCheckpoints);
    }
}
