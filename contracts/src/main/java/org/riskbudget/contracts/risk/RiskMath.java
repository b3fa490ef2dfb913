package org.riskbudget.contracts.risk;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;

/**
 * The risk arithmetic of the ledger: Bayesian updates in odds form, rounding up to whole ppb, and the inverse
 * question of the likelihood ratio a prior needs. Exact decimal arithmetic throughout; rounding happens once,
 * upwards, so the ledger never under-counts risk.
 */
public final class RiskMath {

    private static final BigDecimal PPB_PER_ONE = BigDecimal.valueOf(Ppb.ONE);
    /** Digits shown for a required ratio; the ratio is rounded up, never understating what is needed. */
    public static final int RATIO_SCALE = 6;

    private RiskMath() {}

    /**
     * P(scheming | evidence) from a prior and the evidence's likelihood ratios: posterior odds are prior odds
     * divided by the product of the ratios, so {@code p = prior / (prior + (1 - prior) × ΠLR)}.
     * The result is exact: a numerator and denominator in decimal.
     */
    public static Fraction posterior(Probability prior, List<LikelihoodRatio> ratios) {
        BigDecimal p = prior.value();
        BigDecimal product = product(ratios);
        BigDecimal denominator = p.add(BigDecimal.ONE.subtract(p).multiply(product));
        return new Fraction(p, denominator);
    }

    /**
     * The misalignment component of a case in ppb: {@code P(catastrophe | scheming) × P(scheming | evidence)},
     * rounded up to a whole ppb.
     */
    public static Ppb misalignmentRisk(Probability prior, List<LikelihoodRatio> ratios,
                                       Probability catastropheGivenScheming) {
        Fraction posterior = posterior(prior, ratios);
        if (posterior.numerator().signum() == 0 || catastropheGivenScheming.value().signum() == 0) {
            return Ppb.ZERO;
        }
        BigDecimal scaled = PPB_PER_ONE.multiply(catastropheGivenScheming.value()).multiply(posterior.numerator());
        return Ppb.of(scaled.divide(posterior.denominator(), 0, RoundingMode.CEILING).longValueExact());
    }

    /**
     * The likelihood ratio that brings {@code prior} down to {@code target}: the ratio of their odds,
     * {@code prior (1 - target) / (target (1 - prior))}. At most one when the prior already meets the target.
     */
    public static RequiredRatio requiredLikelihoodRatio(Probability prior, Probability target) {
        if (target.value().signum() == 0 || target.value().compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("target must be strictly between 0 and 1");
        }
        if (prior.value().compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("prior must be below 1: no finite evidence moves certainty");
        }
        BigDecimal numerator = prior.value().multiply(BigDecimal.ONE.subtract(target.value()));
        BigDecimal denominator = target.value().multiply(BigDecimal.ONE.subtract(prior.value()));
        if (numerator.compareTo(denominator) <= 0) {
            return new RequiredRatio(BigDecimal.ONE.setScale(RATIO_SCALE), BigInteger.ONE);
        }
        BigDecimal ratio = numerator.divide(denominator, RATIO_SCALE, RoundingMode.CEILING);
        BigInteger whole = numerator.divide(denominator, 0, RoundingMode.CEILING).toBigIntegerExact();
        return new RequiredRatio(ratio, whole);
    }

    static BigDecimal product(List<LikelihoodRatio> ratios) {
        BigDecimal product = BigDecimal.ONE;
        for (LikelihoodRatio ratio : ratios) {
            product = product.multiply(ratio.value());
        }
        return product;
    }

    /** An exact quotient; the denominator is positive. */
    public record Fraction(BigDecimal numerator, BigDecimal denominator) {

        public Fraction {
            if (denominator.signum() <= 0) {
                throw new IllegalArgumentException("denominator must be positive");
            }
        }

        public int compareTo(Fraction other) {
            return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
        }
    }

    /**
     * The ratio a prior needs, rounded up to {@link #RATIO_SCALE} digits, and the smallest whole ratio that
     * brings the posterior to the target or below.
     */
    public record RequiredRatio(BigDecimal ratio, BigInteger wholeRatio) {}
}
