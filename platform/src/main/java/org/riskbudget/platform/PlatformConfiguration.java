package org.riskbudget.platform;

import org.riskbudget.platform.security.RequestSecurityConfiguration;
import org.riskbudget.platform.storage.DataSourceConfiguration;
import org.riskbudget.platform.storage.TransactionConfiguration;
import org.riskbudget.platform.web.AcceptHeaderConfiguration;
import org.riskbudget.platform.web.ErrorPageConfiguration;
import org.riskbudget.platform.web.JsonConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Imported by each service's application class, so these beans are declared before any auto-configuration runs:
 * Axon's JDBC event store, for one, only sees a data source and transaction manager declared earlier.
 */
@Configuration(proxyBeanMethods = false)
@Import({DataSourceConfiguration.class, TransactionConfiguration.class, JsonConfiguration.class,
    AcceptHeaderConfiguration.class, ErrorPageConfiguration.class, RequestSecurityConfiguration.class})
public class PlatformConfiguration {}
