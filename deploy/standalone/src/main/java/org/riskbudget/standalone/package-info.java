/**
 * Real PostgreSQL and Kafka for a machine that has only a JDK (no Docker, no installed servers), so the
 * services, their tests and the standalone launcher run against the same infrastructure as production.
 */
package org.riskbudget.standalone;
