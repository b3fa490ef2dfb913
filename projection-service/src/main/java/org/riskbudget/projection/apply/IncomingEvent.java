package org.riskbudget.projection.apply;

import org.riskbudget.contracts.event.LedgerEvent;

/** An event read from the topic and where it was read, so a held-back event can be read again from there. */
public record IncomingEvent(LedgerEvent event, int partition, long offset) {}
