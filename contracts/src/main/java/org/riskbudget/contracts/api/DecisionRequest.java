package org.riskbudget.contracts.api;

/**
 * Body of a decision ({@code /acceptance}, {@code /rejection}, {@code /approval}, …): the reasons, required, because
 * every decision is recorded with its reviewer and reasons.
 */
public record DecisionRequest(String reasons) {}
