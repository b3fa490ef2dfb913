package org.riskbudget.bench.naive;

import java.util.List;
import java.util.UUID;
import org.riskbudget.contracts.access.Actor;
import org.riskbudget.contracts.access.Role;
import org.riskbudget.contracts.api.AllocationRequest;
import org.riskbudget.contracts.api.CommandAcknowledgement;
import org.riskbudget.contracts.api.OpenRegimeRequest;
import org.riskbudget.contracts.api.RegisterCompanyRequest;
import org.riskbudget.contracts.api.SafetyCaseOutcome;
import org.riskbudget.contracts.api.SubmitSafetyCaseRequest;
import org.riskbudget.contracts.api.TransferOutcome;
import org.riskbudget.contracts.api.TransferRequest;
import org.riskbudget.contracts.api.TransferStatus;
import org.riskbudget.contracts.command.AllocateBudgetCommand;
import org.riskbudget.contracts.command.OpenRegimeCommand;
import org.riskbudget.contracts.command.RegisterCompanyCommand;
import org.riskbudget.contracts.command.SubmitSafetyCaseCommand;
import org.riskbudget.contracts.command.TransferBudgetCommand;
import org.riskbudget.contracts.error.LedgerErrorCode;
import org.riskbudget.contracts.error.LedgerException;
import org.riskbudget.contracts.ids.RegimeId;
import org.riskbudget.contracts.ids.TransferId;
import org.riskbudget.contracts.risk.Ppb;
import org.riskbudget.contracts.safetycase.CaseStatus;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ledger's command paths for the movements the benchmark sends, with the same request and answer bodies.
 * Requests are turned into the same command records, so the same input checks run; the risk of a case is computed
 * by the same code. What it leaves out (authentication, events, hash chain, publishing) is the point of comparing.
 */
@RestController
@RequestMapping("/api/v1/regimes")
class NaiveLedgerController {

    private static final String KEY = "Idempotency-Key";
    /** No authentication: every request acts as the role its path needs (see docs/PERFORMANCE.md). */
    private static final Actor REGULATOR = new Actor(Role.REGULATOR, "naive", null);

    private final NaiveLedgerStore store;

    NaiveLedgerController(NaiveLedgerStore store) {
        this.store = store;
    }

    @PostMapping
    ResponseEntity<CommandAcknowledgement> open(@RequestBody OpenRegimeRequest body,
            @RequestHeader(name = KEY, required = false) String key) {
        OpenRegimeCommand command = body.toCommand(REGULATOR);
        long sequence = store.openRegime(command.regimeId().value(), command.capPpb().value(), key);
        return ResponseEntity.status(HttpStatus.CREATED).body(new CommandAcknowledgement(command.regimeId(), sequence));
    }

    @PostMapping("/{regimeId}/companies")
    ResponseEntity<CommandAcknowledgement> register(@PathVariable RegimeId regimeId,
            @RequestBody RegisterCompanyRequest body, @RequestHeader(name = KEY, required = false) String key) {
        RegisterCompanyCommand command = body.toCommand(regimeId, REGULATOR);
        long sequence = store.registerCompany(regimeId.value(), command.companyId().value(), key);
        return ResponseEntity.status(HttpStatus.CREATED).body(new CommandAcknowledgement(regimeId, sequence));
    }

    @PostMapping("/{regimeId}/allocations")
    CommandAcknowledgement allocate(@PathVariable RegimeId regimeId, @RequestBody AllocationRequest body,
            @RequestHeader(name = KEY, required = false) String key) {
        AllocateBudgetCommand command = body.toCommand(regimeId, REGULATOR);
        long sequence = store.move(regimeId.value(), "ALLOCATE", NaiveLedgerStore.POOL, command.companyId().value(),
                command.amountPpb().value(), null, key);
        return new CommandAcknowledgement(regimeId, sequence);
    }

    @PostMapping("/{regimeId}/transfers")
    ResponseEntity<TransferOutcome> transfer(@PathVariable RegimeId regimeId, @RequestBody TransferRequest body,
            @RequestHeader(name = KEY, required = false) String key) {
        Actor sender = new Actor(Role.COMPANY, "naive", body.fromCompanyId());
        TransferBudgetCommand command = body.toCommand(regimeId, TransferId.of("t-" + UUID.randomUUID()), sender);
        long sequence = store.move(regimeId.value(), "TRANSFER", command.fromCompanyId().value(),
                command.toCompanyId().value(), command.amountPpb().value(), command.transferId().value(), key);
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new TransferOutcome(command.transferId(), TransferStatus.COMPLETED, sequence));
    }

    @PostMapping("/{regimeId}/safety-cases")
    ResponseEntity<SafetyCaseOutcome> submit(@PathVariable RegimeId regimeId, @RequestBody SubmitSafetyCaseRequest body,
            @RequestHeader(name = KEY, required = false) String key) {
        Actor company = new Actor(Role.COMPANY, "naive", body.companyId());
        SubmitSafetyCaseCommand command = body.toCommand(regimeId, company);
        Ppb riskPpb = command.assessments().riskBreakdown().totalPpb();
        long sequence = store.reserve(regimeId.value(), command.companyId().value(), riskPpb.value(),
                command.caseId().value(), key);
        return ResponseEntity.status(HttpStatus.CREATED).body(new SafetyCaseOutcome(command.caseId(),
                CaseStatus.SUBMITTED, riskPpb, Ppb.ZERO, List.of(), sequence));
    }

    @GetMapping("/naive/ready")
    String ready() {
        return "ready";
    }

    @ExceptionHandler(LedgerException.class)
    ResponseEntity<ProblemDetail> refused(LedgerException refusal) {
        HttpStatus status = switch (refusal.code()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case INSUFFICIENT_BUDGET, DUPLICATE_ID -> HttpStatus.CONFLICT;
            default -> HttpStatus.BAD_REQUEST;
        };
        return problem(status, refusal.code(), refusal.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> invalid(IllegalArgumentException invalid) {
        return problem(HttpStatus.BAD_REQUEST, LedgerErrorCode.VALIDATION_FAILED, invalid.getMessage());
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, LedgerErrorCode code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code.name());
        return ResponseEntity.status(status).body(problem);
    }
}
