package org.riskbudget.contracts.topic;

/**
 * The Kafka topic that carries every stored ledger event, in order per regime: a replayable copy of the log.
 * Key: the regime id (UTF-8), so one regime's events stay in one partition, in sequence. Value: the event as the
 * public language's JSON ({@code LedgerJson}, with its {@code type} member). Headers name the type, the revision
 * and the regime sequence, so a consumer can route or skip without parsing the value.
 */
public final class LedgerTopic {

    public static final String DEFAULT_NAME = "ledger-events";
    /**
     * Partitions the topic is created with, by whichever service creates it first. Never changed afterwards:
     * adding partitions would move regimes between partitions and break their order.
     */
    public static final int DEFAULT_PARTITIONS = 6;
    public static final String TYPE_HEADER = "event-type";
    public static final String REVISION_HEADER = "event-revision";
    public static final String SEQUENCE_HEADER = "regime-sequence";

    private LedgerTopic() {}
}
