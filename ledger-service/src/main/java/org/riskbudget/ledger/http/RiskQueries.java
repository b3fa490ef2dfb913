package org.riskbudget.ledger.http;

import org.riskbudget.contracts.api.RequiredLikelihoodRatioView;
import org.riskbudget.contracts.error.LedgerErrorCode;
import org.riskbudget.contracts.error.LedgerException;
import org.riskbudget.contracts.risk.Probability;
import org.riskbudget.contracts.risk.RiskMath;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The risk arithmetic as a service, for anyone authenticated. */
@RestController
@RequestMapping("/api/v1/risk")
class RiskQueries {

    /** The likelihood ratio evidence must carry to bring {@code prior} down to {@code target}. */
    @GetMapping("/required-likelihood-ratio")
    RequiredLikelihoodRatioView requiredLikelihoodRatio(@RequestParam String prior, @RequestParam String target) {
        try {
            Probability priorProbability = Probability.parse("prior", prior);
            Probability targetProbability = Probability.parse("target", target);
            RiskMath.RequiredRatio required = RiskMath.requiredLikelihoodRatio(priorProbability, targetProbability);
            return new RequiredLikelihoodRatioView(priorProbability, targetProbability,
                    required.ratio().toPlainString(), required.wholeRatio());
        } catch (IllegalArgumentException invalid) {
            throw new LedgerException(LedgerErrorCode.VALIDATION_FAILED, invalid.getMessage());
        }
    }
}
