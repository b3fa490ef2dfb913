package org.riskbudget.ledger.http;

import java.util.UUID;
import org.riskbudget.contracts.api.CommandResult;
import org.riskbudget.contracts.api.DecisionRequest;
import org.riskbudget.contracts.api.TransferRequest;
import org.riskbudget.contracts.command.ApproveTransferCommand;
import org.riskbudget.contracts.command.RejectTransferCommand;
import org.riskbudget.contracts.error.LedgerErrorCode;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.ids.TransferId;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Trading: a company sends budget to another; where the policy asks, the regulator approves or rejects it. */
@RestController
// Content negotiation in the mapping: a client that cannot read JSON is refused (406) before the command runs.
@RequestMapping(path = "/api/v1/regimes/{regimeId}/transfers", produces = MediaType.APPLICATION_JSON_VALUE)
class TransferCommands {

    private final CommandDispatcher commands;

    TransferCommands(CommandDispatcher commands) {
        this.commands = commands;
    }

    @Refuses({LedgerErrorCode.NOT_FOUND, LedgerErrorCode.DUPLICATE_ID, LedgerErrorCode.INSUFFICIENT_BUDGET})
    @PostMapping
    ResponseEntity<CommandResult> transfer(@PathVariable RegimeId regimeId, @RequestBody TransferRequest body,
            CommandContext context) {
        context.requireActsFor(body.fromCompanyId());
        TransferId generated = TransferId.of("t-" + UUID.randomUUID());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(commands.dispatch(context, body, actor -> body.toCommand(regimeId, generated, actor)));
    }

    /** {@code /approval} or {@code /rejection} of a pending transfer. */
    @Refuses({LedgerErrorCode.NOT_FOUND, LedgerErrorCode.INVALID_STATE})
    @PostMapping("/{transferId}/{decision:approval|rejection}")
    CommandResult decide(@PathVariable RegimeId regimeId, @PathVariable TransferId transferId,
            @PathVariable String decision, @RequestBody DecisionRequest body, CommandContext context) {
        return commands.dispatch(context, body, actor -> "approval".equals(decision)
                ? new ApproveTransferCommand(regimeId, transferId, body.reasons(), actor)
                : new RejectTransferCommand(regimeId, transferId, body.reasons(), actor));
    }
}
