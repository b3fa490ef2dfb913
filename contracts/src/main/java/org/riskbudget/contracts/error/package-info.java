/** Refusals: stable error codes and the exception that carries them. */
package org.riskbudget.contracts.error;
