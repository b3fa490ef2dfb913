package org.riskbudget.contracts.safetycase;

import java.time.Instant;
import org.riskbudget.contracts.Require;

/** When the system may be deployed under this case; an accepted case expires at {@code to}. */
public record DeploymentWindow(Instant from, Instant to) {

    public DeploymentWindow {
        Require.present("window.from", from);
        Require.present("window.to", to);
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("window.from must be before window.to");
        }
    }
}
