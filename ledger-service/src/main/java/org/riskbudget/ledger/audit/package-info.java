/** Auditability: the audit-log export and the check of each stored event against its chain hash. */
package org.riskbudget.ledger.audit;
