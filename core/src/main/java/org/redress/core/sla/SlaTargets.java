package org.redress.core.sla;

import java.time.Duration;
import java.util.Objects;

/** Working-time targets for one priority. */
public record SlaTargets(Duration acknowledgement, Duration firstResponse, Duration nextUpdate, Duration resolution) {
    public SlaTargets {
        Objects.requireNonNull(acknowledgement, "acknowledgement");
        Objects.requireNonNull(firstResponse, "firstResponse");
        Objects.requireNonNull(nextUpdate, "nextUpdate");
        Objects.requireNonNull(resolution, "resolution");
    }

    public Duration of(SlaMetric metric) {
        return switch (metric) {
            case ACKNOWLEDGEMENT -> acknowledgement;
            case FIRST_RESPONSE -> firstResponse;
            case NEXT_UPDATE -> nextUpdate;
            case RESOLUTION -> resolution;
        };
    }
}
