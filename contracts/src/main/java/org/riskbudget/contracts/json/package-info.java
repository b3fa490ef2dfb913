/** The JSON configuration every reader and writer of the public language shares. */
package org.riskbudget.contracts.json;
