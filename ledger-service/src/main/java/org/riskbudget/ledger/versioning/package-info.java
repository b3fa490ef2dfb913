/** Event versioning: upcasters that read older revisions of stored events as the current ones. */
package org.riskbudget.ledger.versioning;
