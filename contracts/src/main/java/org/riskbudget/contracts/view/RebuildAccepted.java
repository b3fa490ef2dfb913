package org.riskbudget.contracts.view;

/**
 * The projection accepted a rebuild: its read model was reset and is being replayed from the beginning of the
 * events topic. {@code generation} counts rebuilds, so a client can tell one from the next.
 */
public record RebuildAccepted(long generation) {}
