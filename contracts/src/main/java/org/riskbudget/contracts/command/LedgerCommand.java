package org.riskbudget.contracts.command;

import org.riskbudget.contracts.access.Actor;
import org.riskbudget.contracts.ids.RegimeId;

/** A request to change one regime's ledger, made by an actor. The regime is the consistency boundary. */
public sealed interface LedgerCommand permits OpenRegimeCommand, RegisterCompanyCommand, AllocateBudgetCommand,
        ReclaimBudgetCommand, TransferBudgetCommand, ApproveTransferCommand, RejectTransferCommand,
        ChangeRegimePolicyCommand, SubmitSafetyCaseCommand, DecideSafetyCaseCommand, ReviseSafetyCaseCommand,
        ExpireSafetyCaseCommand {

    RegimeId regimeId();

    Actor actor();
}
