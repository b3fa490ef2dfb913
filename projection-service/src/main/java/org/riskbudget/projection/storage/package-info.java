/** Where the read model lives: Boot's data source, or an embedded PostgreSQL when none is configured. */
package org.riskbudget.projection.storage;
