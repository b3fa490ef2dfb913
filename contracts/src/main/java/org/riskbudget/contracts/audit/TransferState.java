package org.riskbudget.contracts.audit;

import org.riskbudget.contracts.api.TransferStatus;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.ids.TransferId;

/** A transfer the log has shown; its id stays taken whatever became of it. */
final class TransferState {

    final TransferId transferId;
    final CompanyId fromCompanyId;
    final CompanyId toCompanyId;
    final long amountPpb;
    TransferStatus status;

    TransferState(TransferId transferId, CompanyId fromCompanyId, CompanyId toCompanyId, long amountPpb,
            TransferStatus status) {
        this.transferId = transferId;
        this.fromCompanyId = fromCompanyId;
        this.toCompanyId = toCompanyId;
        this.amountPpb = amountPpb;
        this.status = status;
    }
}
