/** The integration contract between ledger-service and its consumers: the events topic. */
package org.riskbudget.contracts.topic;
