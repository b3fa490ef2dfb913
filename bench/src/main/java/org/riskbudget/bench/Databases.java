package org.riskbudget.bench;

/** The databases the benchmarks create in their one PostgreSQL server. */
final class Databases {

    static final String LEDGER = "ledger";
    static final String NAIVE = "naive";
    static final String PROJECTION = "projection";
    static final String REBUILD = "projection_rebuild";

    private Databases() {}
}
