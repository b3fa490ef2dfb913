package org.riskbudget.projection.stream;

import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** One open stream of one regime, and the last sequence it was sent, so nothing is sent to it twice. */
final class Subscription {

    final String regimeId;
    final SseEmitter emitter;
    /** Written and read on the sending thread only. */
    long lastSentSequence;
    private final AtomicBoolean ended = new AtomicBoolean();

    Subscription(String regimeId, SseEmitter emitter, long lastSentSequence) {
        this.regimeId = regimeId;
        this.emitter = emitter;
        this.lastSentSequence = lastSentSequence;
    }

    /** True only for the first caller: the subscription is counted out exactly once. */
    boolean end() {
        return ended.compareAndSet(false, true);
    }
}
