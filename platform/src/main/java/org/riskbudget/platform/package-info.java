/**
 * The platform both services stand on, written once: import {@link org.riskbudget.platform.PlatformConfiguration}.
 */
package org.riskbudget.platform;
