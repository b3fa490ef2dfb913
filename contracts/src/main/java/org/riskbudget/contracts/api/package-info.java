/** Request and response bodies of the HTTP APIs. */
package org.riskbudget.contracts.api;
