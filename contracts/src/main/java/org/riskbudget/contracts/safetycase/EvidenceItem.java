package org.riskbudget.contracts.safetycase;

import org.riskbudget.contracts.Require;
import org.riskbudget.contracts.risk.LikelihoodRatio;

/** One piece of evidence about scheming and the likelihood ratio it claims. */
public record EvidenceItem(EvidenceKind kind, String description, LikelihoodRatio likelihoodRatio) {

    public EvidenceItem {
        Require.present("evidence.kind", kind);
        Require.text("evidence.description", description, 2000);
        Require.present("evidence.likelihoodRatio", likelihoodRatio);
    }
}
