/** Where the ledger keeps its events: Boot's data source, or an embedded PostgreSQL when none is configured. */
package org.riskbudget.ledger.storage;
