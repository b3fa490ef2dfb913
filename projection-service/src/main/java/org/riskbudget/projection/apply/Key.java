package org.riskbudget.projection.apply;

/** A member of a regime (company, case or transfer) by its regime and its own id. */
record Key(String regimeId, String id) {}
