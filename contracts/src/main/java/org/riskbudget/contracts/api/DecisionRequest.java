package org.riskbudget.contracts.api;

/** Body of a decision ({@code /acceptance}, {@code /rejection}, {@code /approval}, …): the reasons, for the record. */
public record DecisionRequest(String reasons) {}
