package org.riskbudget.projection.apply;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.riskbudget.contracts.audit.EventChain;
import org.riskbudget.contracts.event.LedgerEvent;
import org.springframework.stereotype.Component;

/**
 * Applies a batch of events read from the topic, in the caller's transaction. Per regime, events are taken in
 * sequence order: one at or below the regime's last applied sequence is a duplicate and skipped; the next one is
 * applied when it links to the last applied event; anything else stalls the regime, and none of its later events
 * in the batch is applied, because an event is never skipped. Other regimes go on.
 */
@Component
public class BatchApplier {

    private static final Comparator<IncomingEvent> IN_SEQUENCE =
            Comparator.comparingLong((IncomingEvent incoming) -> incoming.event().sequence())
                    .thenComparingLong(IncomingEvent::offset);

    private final ReadModelStore store;

    BatchApplier(ReadModelStore store) {
        this.store = store;
    }

    public BatchResult apply(List<IncomingEvent> batch, Instant now) {
        BatchState state = store.load(References.of(batch.stream().map(IncomingEvent::event).toList()));
        Projector projector = new Projector(state);
        List<AppliedEvent> applied = new ArrayList<>();
        List<Stall> stalls = new ArrayList<>();
        Map<String, Long> lastSequences = new HashMap<>();
        int duplicates = 0;
        for (Map.Entry<String, List<IncomingEvent>> regime : byRegime(batch).entrySet()) {
            String regimeId = regime.getKey();
            RegimeRow row = state.regimeOrNull(regimeId);
            long lastSequence = row == null ? 0 : row.lastSequence;
            String lastHash = row == null ? EventChain.genesis(regime.getValue().get(0).event().regimeId())
                    : row.lastHash;
            List<IncomingEvent> events = regime.getValue();
            for (int i = 0; i < events.size(); i++) {
                LedgerEvent event = events.get(i).event();
                if (event.sequence() <= lastSequence) {
                    duplicates++;
                    continue;
                }
                Stall.Kind refusal = event.sequence() > lastSequence + 1 ? Stall.Kind.GAP
                        : !lastHash.equals(event.previousHash()) ? Stall.Kind.BROKEN_CHAIN : null;
                if (refusal != null) {
                    stalls.add(stall(regimeId, refusal, lastSequence + 1, events.subList(i, events.size())));
                    break;
                }
                applied.add(projector.apply(event));
                lastSequence = event.sequence();
                lastHash = event.hash();
                lastSequences.put(regimeId, lastSequence);
            }
        }
        store.write(state);
        store.resolveStalls(lastSequences, now);
        List<Stall> newStalls = stalls.stream().filter(stall -> store.recordStall(stall, now)).toList();
        return new BatchResult(applied, duplicates, stalls, newStalls);
    }

    /** The batch's events per regime, each regime's in sequence order (a duplicate right after its original). */
    private static Map<String, List<IncomingEvent>> byRegime(List<IncomingEvent> batch) {
        Map<String, List<IncomingEvent>> byRegime = new LinkedHashMap<>();
        for (IncomingEvent incoming : batch) {
            byRegime.computeIfAbsent(incoming.event().regimeId().value(), id -> new ArrayList<>()).add(incoming);
        }
        byRegime.values().forEach(events -> events.sort(IN_SEQUENCE));
        return byRegime;
    }

    /**
     * A stall at the first held-back event; consumption of its partition resumes at the lowest offset among the
     * held-back events, so none of them is lost when the offset is committed.
     */
    private static Stall stall(String regimeId, Stall.Kind kind, long expectedSequence, List<IncomingEvent> heldBack) {
        long resumeOffset = heldBack.stream().mapToLong(IncomingEvent::offset).min().orElseThrow();
        IncomingEvent first = heldBack.get(0);
        return new Stall(regimeId, kind, expectedSequence, first.event().sequence(), first.partition(), resumeOffset);
    }
}
