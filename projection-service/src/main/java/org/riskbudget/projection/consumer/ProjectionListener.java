package org.riskbudget.projection.consumer;

import java.util.List;
import org.riskbudget.projection.apply.AppliedEvent;

/** Told about applied events after their transaction committed, on the consumer's thread: must not block. */
public interface ProjectionListener {

    void applied(List<AppliedEvent> events);

    /** The read model was emptied for a rebuild; what was applied before is gone. */
    void reset();
}
