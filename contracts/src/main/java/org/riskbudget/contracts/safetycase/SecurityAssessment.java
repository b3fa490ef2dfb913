package org.riskbudget.contracts.safetycase;

import org.riskbudget.contracts.Require;
import org.riskbudget.contracts.risk.Ppb;

/** Theft of weights or secrets: the claimed security level and the risk left at that level. */
public record SecurityAssessment(SecurityLevel level, Ppb riskPpb) {

    public SecurityAssessment {
        Require.present("security.level", level);
        Ppb.requireProbability("security.riskPpb", riskPpb);
    }
}
