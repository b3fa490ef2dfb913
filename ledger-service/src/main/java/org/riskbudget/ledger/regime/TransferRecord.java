package org.riskbudget.ledger.regime;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.riskbudget.contracts.api.TransferStatus;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.ids.TransferId;
import org.riskbudget.contracts.risk.Ppb;

/** A transfer the regime has seen; its id stays taken whatever became of it. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class TransferRecord {

    private TransferId transferId;
    private CompanyId fromCompanyId;
    private CompanyId toCompanyId;
    private Ppb amountPpb;
    private TransferStatus status;

    TransferRecord() {}

    TransferRecord(TransferId transferId, CompanyId fromCompanyId, CompanyId toCompanyId, Ppb amountPpb,
            TransferStatus status) {
        this.transferId = transferId;
        this.fromCompanyId = fromCompanyId;
        this.toCompanyId = toCompanyId;
        this.amountPpb = amountPpb;
        this.status = status;
    }

    TransferId transferId() {
        return transferId;
    }

    CompanyId fromCompanyId() {
        return fromCompanyId;
    }

    CompanyId toCompanyId() {
        return toCompanyId;
    }

    Ppb amountPpb() {
        return amountPpb;
    }

    TransferStatus status() {
        return status;
    }

    void settle(TransferStatus newStatus) {
        status = newStatus;
    }
}
