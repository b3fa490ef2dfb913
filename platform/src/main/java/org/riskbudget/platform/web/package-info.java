/** The web edge both services share: strict JSON and problem+json for every refusal. */
package org.riskbudget.platform.web;
