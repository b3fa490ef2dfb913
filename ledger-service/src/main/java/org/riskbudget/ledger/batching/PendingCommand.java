package org.riskbudget.ledger.batching;

import java.util.concurrent.CompletableFuture;
import org.axonframework.commandhandling.CommandMessage;
import org.riskbudget.contracts.api.CommandResult;

/** A command waiting for its regime's next transaction, and the caller waiting for its answer. */
record PendingCommand(CommandMessage<?> message, CompletableFuture<CommandResult> answer) {}
