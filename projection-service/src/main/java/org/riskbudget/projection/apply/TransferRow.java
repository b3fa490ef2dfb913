package org.riskbudget.projection.apply;

import java.time.Instant;
import org.riskbudget.contracts.api.TransferStatus;

/** A transfer between companies in the read model; changed only by {@link Projector}. */
final class TransferRow extends ReadModelRow {

    final String regimeId;
    final String transferId;
    final String fromCompanyId;
    final String toCompanyId;
    final long amountPpb;
    final Instant requestedAt;
    TransferStatus status;
    Instant updatedAt;

    TransferRow(String regimeId, String transferId, String fromCompanyId, String toCompanyId, long amountPpb,
            Instant requestedAt, TransferStatus status) {
        this.regimeId = regimeId;
        this.transferId = transferId;
        this.fromCompanyId = fromCompanyId;
        this.toCompanyId = toCompanyId;
        this.amountPpb = amountPpb;
        this.requestedAt = requestedAt;
        this.status = status;
        this.updatedAt = requestedAt;
    }
}
