/** Tokens: how a JWT becomes a caller with one role and, for companies, one company. */
package org.riskbudget.platform.security;
