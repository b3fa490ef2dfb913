/** Authentication and roles: JWT resource server, the role table, and the local issuer of standalone mode. */
package org.riskbudget.ledger.security;
