package org.riskbudget.bench.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.riskbudget.contracts.event.LedgerEvent;

/** Generated events carry the revisions the ledger stores and publishes them with. */
class StoredFormTest {

    @Test
    void caseSubmissionsAreAtRevisionTwoAndTheOtherEventsAtOne() {
        Map<String, String> revisions = new HashMap<>();
        RegimeHistory history = new RegimeHistory("stored-form", 200, Instant.parse("2027-01-01T00:00:00Z"));
        while (history.hasNext()) {
            LedgerEvent event = history.next();
            revisions.put(StoredForm.typeName(event), StoredForm.revision(event));
        }

        assertThat(revisions).containsEntry("SafetyCaseSubmitted", "2").containsEntry("BudgetAllocated", "1")
                .containsEntry("BudgetTransferred", "1").containsEntry("RegimeOpened", "1")
                .containsEntry("CompanyRegistered", "1");
    }
}
