package org.riskbudget.ledger.regime;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.riskbudget.contracts.ids.CompanyId;
import org.riskbudget.contracts.ids.TransferId;
import org.riskbudget.contracts.risk.Ppb;

/** A transfer awaiting the regulator's approval: what approving or rejecting it moves. */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE)
final class TransferRecord {

    private TransferId transferId;
    private CompanyId fromCompanyId;
    private CompanyId toCompanyId;
    private Ppb amountPpb;

    TransferRecord() {}

    TransferRecord(TransferId transferId, CompanyId fromCompanyId, CompanyId toCompanyId, Ppb amountPpb) {
        this.transferId = transferId;
        this.fromCompanyId = fromCompanyId;
        this.toCompanyId = toCompanyId;
        this.amountPpb = amountPpb;
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
}
