/** The dashboard in a real headless browser, against the standalone stack. */
package org.riskbudget.bench.browser;
