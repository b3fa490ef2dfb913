/** Roles and the acting principal recorded with every command and event. */
package org.riskbudget.contracts.access;
