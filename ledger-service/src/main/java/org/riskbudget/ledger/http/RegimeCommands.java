package org.riskbudget.ledger.http;

import org.riskbudget.contracts.api.AllocationRequest;
import org.riskbudget.contracts.api.CommandResult;
import org.riskbudget.contracts.api.OpenRegimeRequest;
import org.riskbudget.contracts.api.ReclamationRequest;
import org.riskbudget.contracts.api.RegisterCompanyRequest;
import org.riskbudget.contracts.command.ChangeRegimePolicyCommand;
import org.riskbudget.contracts.error.LedgerErrorCode;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.policy.RegimePolicy;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The regulator's commands on a regime: open it, register companies, allocate and reclaim, set policy. */
@RestController
// Content negotiation in the mapping: a client that cannot read JSON is refused (406) before the command runs.
@RequestMapping(path = "/api/v1/regimes", produces = MediaType.APPLICATION_JSON_VALUE)
class RegimeCommands {

    private final CommandDispatcher commands;

    RegimeCommands(CommandDispatcher commands) {
        this.commands = commands;
    }

    @Refuses({LedgerErrorCode.DUPLICATE_ID})
    @PostMapping
    ResponseEntity<CommandResult> open(@RequestBody OpenRegimeRequest body, CommandContext context) {
        return ResponseEntity.status(HttpStatus.CREATED).body(commands.dispatch(context, body, body::toCommand));
    }

    @Refuses({LedgerErrorCode.NOT_FOUND, LedgerErrorCode.DUPLICATE_ID})
    @PostMapping("/{regimeId}/companies")
    ResponseEntity<CommandResult> register(@PathVariable RegimeId regimeId, @RequestBody RegisterCompanyRequest body,
            CommandContext context) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(commands.dispatch(context, body, actor -> body.toCommand(regimeId, actor)));
    }

    @Refuses({LedgerErrorCode.NOT_FOUND, LedgerErrorCode.INSUFFICIENT_BUDGET})
    @PostMapping("/{regimeId}/allocations")
    CommandResult allocate(@PathVariable RegimeId regimeId, @RequestBody AllocationRequest body,
            CommandContext context) {
        return commands.dispatch(context, body, actor -> body.toCommand(regimeId, actor));
    }

    @Refuses({LedgerErrorCode.NOT_FOUND, LedgerErrorCode.INSUFFICIENT_BUDGET})
    @PostMapping("/{regimeId}/reclamations")
    CommandResult reclaim(@PathVariable RegimeId regimeId, @RequestBody ReclamationRequest body,
            CommandContext context) {
        return commands.dispatch(context, body, actor -> body.toCommand(regimeId, actor));
    }

    @Refuses({LedgerErrorCode.NOT_FOUND})
    @PutMapping("/{regimeId}/policy")
    CommandResult changePolicy(@PathVariable RegimeId regimeId, @RequestBody RegimePolicy body,
            CommandContext context) {
        return commands.dispatch(context, body, actor -> new ChangeRegimePolicyCommand(regimeId, body, actor));
    }
}
