/**
 * The naive SQL ledger: the baseline of the write benchmark. One table of balances, and per movement one
 * transaction that locks the balance rows it touches ({@code SELECT … FOR UPDATE}), updates them and inserts the
 * movement. Same HTTP stack (Spring MVC on Tomcat), same request and answer JSON as ledger-service; no event log,
 * no hash chain, no publishing, no authentication.
 */
package org.riskbudget.bench.naive;
