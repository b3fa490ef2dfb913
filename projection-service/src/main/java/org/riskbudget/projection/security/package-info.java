/** Authentication and roles: a JWT resource server that trusts the ledger's issuer, and who may read what. */
package org.riskbudget.projection.security;
