package org.riskbudget.ledger.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.messaging.MetaData;
import org.riskbudget.contracts.access.Actor;
import org.riskbudget.contracts.api.CommandResult;
import org.riskbudget.contracts.audit.CanonicalJson;
import org.riskbudget.contracts.audit.EventChain;
import org.riskbudget.contracts.command.LedgerCommand;
import org.riskbudget.contracts.error.LedgerErrorCode;
import org.riskbudget.contracts.error.LedgerException;
import org.riskbudget.contracts.json.LedgerJson;
import org.riskbudget.ledger.batching.RegimeCommandBatcher;
import org.riskbudget.ledger.idempotency.IdempotencyKey;
import org.springframework.stereotype.Component;

/**
 * Sends a command built from a request to its regime's batcher, with the caller's idempotency key and the hash of
 * the request it came with, and waits for its answer. Building the command runs the value types' checks, so a request that fails them is a
 * 400 and never reaches the regime.
 */
@Component
class CommandDispatcher {

    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(30);
    private static final Pattern KEY_SHAPE = Pattern.compile("[\\x21-\\x7E]{1," + IdempotencyKey.MAX_KEY_LENGTH + "}");

    private final RegimeCommandBatcher batcher;
    private final MeterRegistry meters;

    CommandDispatcher(RegimeCommandBatcher batcher, MeterRegistry meters) {
        this.batcher = batcher;
        this.meters = meters;
    }

    CommandResult dispatch(CommandContext context, Object body, Function<Actor, LedgerCommand> build) {
        LedgerCommand command;
        try {
            command = build.apply(context.actor());
        } catch (IllegalArgumentException invalid) {
            throw new LedgerException(LedgerErrorCode.VALIDATION_FAILED, invalid.getMessage());
        }
        MetaData metaData = MetaData.emptyInstance();
        String idempotencyKey = context.idempotencyKey();
        if (idempotencyKey != null) {
            if (!KEY_SHAPE.matcher(idempotencyKey).matches()) {
                throw new LedgerException(LedgerErrorCode.VALIDATION_FAILED, "Idempotency-Key must be 1 to "
                        + IdempotencyKey.MAX_KEY_LENGTH + " printable ASCII characters without spaces");
            }
            HttpServletRequest request = context.request();
            String requestHash = EventChain.sha256(request.getMethod() + " " + request.getRequestURI() + "\n"
                    + CanonicalJson.write(LedgerJson.mapper().valueToTree(body)));
            Actor actor = context.actor();
            metaData = new IdempotencyKey(actor.role() + ":" + actor.subject(), idempotencyKey, requestHash)
                    .asMetaData();
        }
        Timer.Sample sample = Timer.start(meters);
        String outcome = "failed";
        String code = LedgerErrorCode.INTERNAL_ERROR.name();
        try {
            CommandResult result = await(batcher.submit(GenericCommandMessage.<LedgerCommand>asCommandMessage(command)
                    .andMetaData(metaData)));
            outcome = "accepted";
            code = "none";
            return result;
        } catch (LedgerException refusal) {
            outcome = "refused";
            code = refusal.code().name();
            throw refusal;
        } finally {
            sample.stop(Timer.builder("ledger.commands")
                    .description("Commands handled, by type, outcome and refusal code")
                    .tag("command", command.getClass().getSimpleName())
                    .tag("outcome", outcome)
                    .tag("code", code)
                    .publishPercentileHistogram()
                    .register(meters));
        }
    }

    /** Waits for the command's answer; a refusal or failure is thrown as it was raised. */
    private CommandResult await(CompletableFuture<CommandResult> answer) {
        try {
            return answer.get(ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(failed.getCause());
        } catch (TimeoutException slow) {
            throw new LedgerException(LedgerErrorCode.UNAVAILABLE, "no answer within " + ANSWER_TIMEOUT.toSeconds()
                    + " s; retry with the same Idempotency-Key to learn whether the command took effect");
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new LedgerException(LedgerErrorCode.UNAVAILABLE, "interrupted while waiting for the answer");
        }
    }
}
