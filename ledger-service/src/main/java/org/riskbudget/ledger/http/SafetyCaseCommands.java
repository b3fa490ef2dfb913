package org.riskbudget.ledger.http;

import java.util.Map;
import org.riskbudget.contracts.api.CommandResult;
import org.riskbudget.contracts.api.DecisionRequest;
import org.riskbudget.contracts.api.RevisionRequest;
import org.riskbudget.contracts.api.SubmitSafetyCaseRequest;
import org.riskbudget.contracts.command.CaseDecision;
import org.riskbudget.contracts.command.DecideSafetyCaseCommand;
import org.riskbudget.contracts.error.LedgerErrorCode;
import org.riskbudget.contracts.ids.CaseId;
import org.riskbudget.contracts.ids.RegimeId;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Safety cases: submission, the decisions on them, and revisions when new evidence arrives. */
@RestController
// Content negotiation in the mapping: a client that cannot read JSON is refused (406) before the command runs.
@RequestMapping(path = "/api/v1/regimes/{regimeId}/safety-cases", produces = MediaType.APPLICATION_JSON_VALUE)
class SafetyCaseCommands {

    private static final Map<String, CaseDecision> DECISIONS = Map.of("acceptance", CaseDecision.ACCEPT,
            "rejection", CaseDecision.REJECT, "withdrawal", CaseDecision.WITHDRAW, "revocation", CaseDecision.REVOKE);

    private final CommandDispatcher commands;

    SafetyCaseCommands(CommandDispatcher commands) {
        this.commands = commands;
    }

    @Refuses({LedgerErrorCode.NOT_FOUND, LedgerErrorCode.COMPANY_PAUSED, LedgerErrorCode.DUPLICATE_ID, LedgerErrorCode.INVALID_STATE, LedgerErrorCode.POLICY_VIOLATION, LedgerErrorCode.INSUFFICIENT_BUDGET})
    @PostMapping
    ResponseEntity<CommandResult> submit(@PathVariable RegimeId regimeId, @RequestBody SubmitSafetyCaseRequest body,
            CommandContext context) {
        context.requireActsFor(body.companyId());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(commands.dispatch(context, body, actor -> body.toCommand(regimeId, actor)));
    }

    /** {@code /acceptance}, {@code /rejection}, {@code /withdrawal} or {@code /revocation} of a case. */
    @Refuses({LedgerErrorCode.NOT_FOUND, LedgerErrorCode.COMPANY_PAUSED, LedgerErrorCode.INVALID_STATE, LedgerErrorCode.POLICY_VIOLATION})
    @PostMapping("/{caseId}/{decision:acceptance|rejection|withdrawal|revocation}")
    CommandResult decide(@PathVariable RegimeId regimeId, @PathVariable CaseId caseId, @PathVariable String decision,
            @RequestBody DecisionRequest body, CommandContext context) {
        CaseDecision caseDecision = DECISIONS.get(decision);
        return commands.dispatch(context, body,
                actor -> new DecideSafetyCaseCommand(regimeId, caseId, caseDecision, body.reasons(), actor));
    }

    @Refuses({LedgerErrorCode.NOT_FOUND, LedgerErrorCode.INVALID_STATE, LedgerErrorCode.POLICY_VIOLATION})
    @PostMapping("/{caseId}/revisions")
    CommandResult revise(@PathVariable RegimeId regimeId, @PathVariable CaseId caseId,
            @RequestBody RevisionRequest body, CommandContext context) {
        return commands.dispatch(context, body, actor -> body.toCommand(regimeId, caseId, actor));
    }
}
