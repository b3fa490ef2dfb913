package org.riskbudget.projection.apply;

/**
 * A row of the read model that a batch touches. One read from the database is written back with an UPDATE when an
 * event changed it; one an event of the batch created is appended with COPY, which is much cheaper for the server
 * than an upsert, and fails like an INSERT if the row exists after all.
 */
abstract class ReadModelRow {

    /** Read from the database by this batch, rather than created by one of its events. */
    boolean stored;
    boolean changed;
}
