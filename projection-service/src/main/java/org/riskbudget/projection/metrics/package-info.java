/**
 * Budget figures as Prometheus gauges: per regime its cap, spent and remaining, per company its available and spent,
 * read from the read model by two bounded queries on a schedule, never by the scrape, and capped in number.
 */
package org.riskbudget.projection.metrics;
