package org.riskbudget.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.riskbudget.contracts.ids.CaseId;
import org.riskbudget.contracts.risk.Ppb;
import org.riskbudget.contracts.safetycase.AiSystem;
import org.riskbudget.contracts.safetycase.Assessments;
import org.riskbudget.contracts.safetycase.CapabilityTier;
import org.riskbudget.contracts.safetycase.DeploymentWindow;
import org.riskbudget.contracts.safetycase.MisuseAssessment;
import org.riskbudget.contracts.view.Page;
import tools.jackson.databind.JsonNode;

/** Lists are bounded pages in a stable order with a cursor: by id, burn-down by sequence. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListBoundsTest extends ProjectionServiceTest {

    private RegimeEvents regime;
    private String base;

    @BeforeAll
    void aRegimeWithFiveCompaniesAndCases() {
        regime = new RegimeEvents(RegimeEvents.uniqueRegimeId("lists"), start());
        regime.open("lists", 2_500_000);
        for (String company : List.of("e", "c", "a", "d", "b")) {
            regime.register(company, company.toUpperCase());
            regime.allocate(company, 10_000);
            Assessments assessments = new Assessments(null, null, new MisuseAssessment(Ppb.of(100)));
            regime.submit("case-" + company, company, new AiSystem("sys", "1"), CapabilityTier.BELOW_3X,
                    new DeploymentWindow(regime.at(1), regime.at(1).plusSeconds(86_400)), assessments, List.of());
        }
        regime.accept("case-a", "a", 100);
        regime.accept("case-c", "c", 100);
        topic().send(regime.all());
        budgetAt(regime.regimeId.value(), regime.lastSequence());
        base = "/api/v1/regimes/" + regime.regimeId.value();
    }

    @Test
    void companiesPageByIdWithACursor() {
        assertThat(ids(base + "/companies?limit=2", "companyId")).containsExactly("a", "b", "c", "d", "e");
        JsonNode all = read(base + "/companies");
        assertThat(all.get("items")).hasSize(5);
        assertThat(all.has("next") && all.get("next").isNull()).as("no next page: next is null").isTrue();
        JsonNode first = read(base + "/companies?limit=4");
        assertThat(first.get("items")).hasSize(4);
        assertThat(first.get("next").asString()).isNotBlank();
    }

    @Test
    void casesPageByIdAndFilter() {
        assertThat(ids(base + "/safety-cases?limit=3", "caseId"))
                .containsExactly("case-a", "case-b", "case-c", "case-d", "case-e");
        assertThat(ids(base + "/safety-cases?status=ACCEPTED&limit=1", "caseId")).containsExactly("case-a", "case-c");
        assertThat(ids(base + "/safety-cases?status=SUBMITTED&companyId=d", "caseId")).containsExactly("case-d");
        assertThat(ids(base + "/safety-cases?status=REVOKED", "caseId")).isEmpty();
        assertThat(CaseId.of("case-a")).isNotNull();
    }

    @Test
    void theBurnDownPagesBySequence() {
        List<String> sequences = ids(base + "/burn-down?limit=4", "sequence");
        assertThat(sequences).hasSize((int) regime.lastSequence());
        for (int i = 0; i < sequences.size(); i++) {
            assertThat(sequences.get(i)).isEqualTo(Integer.toString(i + 1));
        }
    }

    @Test
    void regimesPageByIdAndIncludeThisOne() {
        List<String> regimes = ids("/api/v1/regimes?limit=2", "regimeId");
        assertThat(regimes).contains(regime.regimeId.value()).isSorted().doesNotHaveDuplicates();
    }

    @Test
    void theLimitIsAtMostAThousandAndDefaultsToAHundred() {
        assertThat(Page.DEFAULT_LIMIT).isEqualTo(100);
        assertThat(Page.MAX_LIMIT).isEqualTo(1000);
        assertThat(viewer(base + "/burn-down?limit=1000").status()).isEqualTo(200);
        assertProblem(viewer(base + "/burn-down?limit=1001"), 400, "VALIDATION_FAILED", "limit");
    }

    /** Follows the cursors through every page and collects one member of each item. */
    private List<String> ids(String firstPage, String member) {
        List<String> ids = new ArrayList<>();
        String next = null;
        for (int pages = 0; pages < 100; pages++) {
            JsonNode page = read(firstPage + (next == null ? "" : "&after=" + next));
            page.get("items").forEach(item -> ids.add(item.get(member).asString()));
            if (page.get("next").isNull()) {
                return ids;
            }
            next = page.get("next").asString();
        }
        throw new AssertionError("more than 100 pages");
    }
}
