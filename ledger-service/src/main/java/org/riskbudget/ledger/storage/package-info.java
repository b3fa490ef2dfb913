/** The event store's PostgreSQL specifics; the data source itself comes from the platform. */
package org.riskbudget.ledger.storage;
