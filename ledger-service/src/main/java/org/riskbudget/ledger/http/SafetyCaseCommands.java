package org.riskbudget.ledger.http;

import org.riskbudget.contracts.api.CommandResult;
import org.riskbudget.contracts.api.DecisionRequest;
import org.riskbudget.contracts.api.RevisionRequest;
import org.riskbudget.contracts.api.SubmitSafetyCaseRequest;
import org.riskbudget.contracts.command.CaseDecision;
import org.riskbudget.contracts.command.DecideSafetyCaseCommand;
import org.riskbudget.contracts.ids.CaseId;
import org.riskbudget.contracts.ids.RegimeId;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Safety cases: submission, the decisions on them, and revisions when new evidence arrives. */
@RestController
@RequestMapping("/api/v1/regimes/{regimeId}/safety-cases")
class SafetyCaseCommands {

    private final CommandDispatcher commands;

    SafetyCaseCommands(CommandDispatcher commands) {
        this.commands = commands;
    }

    @PostMapping
    ResponseEntity<CommandResult> submit(@PathVariable RegimeId regimeId, @RequestBody SubmitSafetyCaseRequest body,
            CommandContext context) {
        context.requireActsFor(body.companyId());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(commands.dispatch(context, body, actor -> body.toCommand(regimeId, actor)));
    }

    @PostMapping("/{caseId}/acceptance")
    CommandResult accept(@PathVariable RegimeId regimeId, @PathVariable CaseId caseId,
            @RequestBody(required = false) DecisionRequest body, CommandContext context) {
        return decide(regimeId, caseId, CaseDecision.ACCEPT, body, context);
    }

    @PostMapping("/{caseId}/rejection")
    CommandResult reject(@PathVariable RegimeId regimeId, @PathVariable CaseId caseId,
            @RequestBody(required = false) DecisionRequest body, CommandContext context) {
        return decide(regimeId, caseId, CaseDecision.REJECT, body, context);
    }

    @PostMapping("/{caseId}/withdrawal")
    CommandResult withdraw(@PathVariable RegimeId regimeId, @PathVariable CaseId caseId,
            @RequestBody(required = false) DecisionRequest body, CommandContext context) {
        return decide(regimeId, caseId, CaseDecision.WITHDRAW, body, context);
    }

    @PostMapping("/{caseId}/revocation")
    CommandResult revoke(@PathVariable RegimeId regimeId, @PathVariable CaseId caseId,
            @RequestBody(required = false) DecisionRequest body, CommandContext context) {
        return decide(regimeId, caseId, CaseDecision.REVOKE, body, context);
    }

    @PostMapping("/{caseId}/revisions")
    CommandResult revise(@PathVariable RegimeId regimeId, @PathVariable CaseId caseId,
            @RequestBody RevisionRequest body, CommandContext context) {
        return commands.dispatch(context, body, actor -> body.toCommand(regimeId, caseId, actor));
    }

    private CommandResult decide(RegimeId regimeId, CaseId caseId, CaseDecision decision, DecisionRequest body,
            CommandContext context) {
        DecisionRequest request = body == null ? new DecisionRequest(null) : body;
        return commands.dispatch(context, request,
                actor -> new DecideSafetyCaseCommand(regimeId, caseId, decision, request.reasons(), actor));
    }
}
