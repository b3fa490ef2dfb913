package org.riskbudget.contracts.safetycase;

import org.riskbudget.contracts.risk.Ppb;

/** Misuse and insider power grabs: the assessed risk. */
public record MisuseAssessment(Ppb riskPpb) {

    public MisuseAssessment {
        Ppb.requireProbability("misuse.riskPpb", riskPpb);
    }
}
