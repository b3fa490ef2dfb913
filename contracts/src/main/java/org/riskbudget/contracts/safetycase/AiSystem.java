package org.riskbudget.contracts.safetycase;

import org.riskbudget.contracts.Require;

/** The AI system a case is about. */
public record AiSystem(String name, String version) {

    public AiSystem {
        Require.text("system.name", name, 200);
        Require.text("system.version", version, 100);
    }
}
