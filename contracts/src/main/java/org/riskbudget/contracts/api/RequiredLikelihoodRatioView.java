package org.riskbudget.contracts.api;

import java.math.BigInteger;
import org.riskbudget.contracts.risk.Probability;

/**
 * Answer of {@code GET /risk/required-likelihood-ratio}: the likelihood ratio that takes {@code prior} to
 * {@code target} (rounded up, as a decimal string) and the smallest whole ratio that gets there.
 */
public record RequiredLikelihoodRatioView(Probability prior, Probability target, String ratio, BigInteger wholeRatio) {}
