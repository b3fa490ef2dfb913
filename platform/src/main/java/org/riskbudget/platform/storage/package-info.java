/** Storage: the data source (configured or embedded PostgreSQL) and its transaction manager. */
package org.riskbudget.platform.storage;
