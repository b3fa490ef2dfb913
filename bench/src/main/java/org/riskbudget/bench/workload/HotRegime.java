package org.riskbudget.bench.workload;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import org.riskbudget.bench.harness.HttpApi;
import org.riskbudget.contracts.api.AllocationRequest;
import org.riskbudget.contracts.api.OpenRegimeRequest;
import org.riskbudget.contracts.api.RegisterCompanyRequest;
import org.riskbudget.contracts.api.SubmitSafetyCaseRequest;
import org.riskbudget.contracts.api.TransferRequest;
import org.riskbudget.contracts.ids.CaseId;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.ids.TransferId;
import org.riskbudget.contracts.json.LedgerJson;
import org.riskbudget.contracts.policy.RegimePolicy;
import org.riskbudget.contracts.risk.Ppb;

/**
 * One regime that every client writes to, on a ledger or on the naive baseline (same paths, same bodies, same
 * headers). Client {@code c} acts for company {@code c mod 8}: its transfers and submissions are that company's,
 * sent with that company's token, and its allocations with the regulator's.
 */
public final class HotRegime {

    private final URI base;
    private final RegimeId regimeId;
    private final String runTag;
    private final String regulatorToken;
    private final List<String> companyTokens;

    private HotRegime(URI base, RegimeId regimeId, String runTag, String regulatorToken, List<String> companyTokens) {
        this.base = base;
        this.regimeId = regimeId;
        this.runTag = runTag;
        this.regulatorToken = regulatorToken;
        this.companyTokens = companyTokens;
    }

    /**
     * Opens the regime on {@code base}, registers the companies and gives each its initial allocation, with tokens
     * from {@code issuer} (ledger-service; the naive baseline gets the same headers and ignores them).
     */
    public static HotRegime open(HttpApi api, URI base, URI issuer, String regimeId) {
        String regulator = api.token(issuer, "REGULATOR", null);
        List<String> companyTokens = new ArrayList<>();
        for (int company = 0; company < Mix.COMPANIES; company++) {
            companyTokens.add(api.token(issuer, "COMPANY", Mix.company(company).value()));
        }
        HotRegime regime = new HotRegime(base, RegimeId.of(regimeId), regimeId, regulator, companyTokens);
        api.require(HttpApi.post(base.resolve("/api/v1/regimes"), regulator, json(new OpenRegimeRequest(
                regime.regimeId, "benchmark " + regimeId, Ppb.of(Mix.CAP_PPB), RegimePolicy.defaults())),
                regimeId + "-open"));
        for (int company = 0; company < Mix.COMPANIES; company++) {
            CompanyId companyId = Mix.company(company);
            api.require(HttpApi.post(regime.path("/companies"), regulator,
                    json(new RegisterCompanyRequest(companyId, "Company " + company)), regimeId + "-register-" + company));
            api.require(HttpApi.post(regime.path("/allocations"), regulator,
                    json(new AllocationRequest(companyId, Ppb.of(Mix.INITIAL_ALLOCATION_PPB))),
                    regimeId + "-initial-" + company));
        }
        return regime;
    }

    public String regimeId() {
        return regimeId.value();
    }

    /** Command {@code number} of client {@code client}: its kind from the mix, its idempotency key unique in the run. */
    public HttpRequest command(int client, long number) {
        int actsFor = Math.floorMod(client, Mix.COMPANIES);
        String key = runTag + "-" + client + "-" + number;
        return switch (Mix.kindOf(number + client)) {
            case ALLOCATION -> HttpApi.post(path("/allocations"), regulatorToken, json(new AllocationRequest(
                    Mix.company(client + (int) number), Ppb.of(Mix.amountPpb(number)))), key);
            case TRANSFER -> HttpApi.post(path("/transfers"), companyTokens.get(actsFor), json(new TransferRequest(
                    TransferId.of("t-" + key), Mix.company(actsFor), Mix.company(Mix.recipient(actsFor, number)),
                    Ppb.of(Mix.amountPpb(number)), "benchmark trade")), key);
            case SUBMISSION -> HttpApi.post(path("/safety-cases"), companyTokens.get(actsFor), json(
                    new SubmitSafetyCaseRequest(CaseId.of("case-" + key), Mix.company(actsFor), Mix.SYSTEM, Mix.TIER,
                            Mix.WINDOW, Mix.ASSESSMENTS, List.of())), key);
        };
    }

    private URI path(String suffix) {
        return base.resolve("/api/v1/regimes/" + regimeId.value() + suffix);
    }

    private static String json(Object body) {
        return LedgerJson.mapper().writeValueAsString(body);
    }
}
