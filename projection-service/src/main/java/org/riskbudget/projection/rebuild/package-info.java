/** Rebuilding the read model from the events topic, on the regulator's request. */
package org.riskbudget.projection.rebuild;
